namespace Pipeline.Delivery.Identities;

/// <summary>
/// The alias file of <c>ReleasePolicy.IdentityAliases(path)</c>: one person per line, the name to report, a
/// colon, and the other identities of that person separated by commas; <c>#</c> starts a comment.
/// <code>
/// alice@example.com: alice, alice@corp.example, 1234+alice@users.noreply.github.com
/// </code>
/// A line that is not of this shape, or an identity given to two people, is refused naming the line.
/// </summary>
internal static class IdentityAliases
{
    public static People Read(AbsolutePath file, string shownAs)
    {
        if (!File.Exists(file))
        {
            throw new ReleaseRefusedException($"The identity alias file {shownAs} (ReleasePolicy.IdentityAliases) does not exist.");
        }

        return Parse(File.ReadAllLines(file), shownAs);
    }

    public static People Parse(IEnumerable<string> lines, string shownAs)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var personOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = (raw.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var person = colon > 0 ? People.Normalise(line[..colon]) : string.Empty;
            var aliases = colon > 0 ? line[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
            if (person.Length == 0 || aliases.Length == 0)
            {
                throw new ReleaseRefusedException($"{shownAs} line {number}: expected 'person: alias, alias' (for example 'alice@example.com: alice, alice@corp.example'), got '{raw.Trim()}'.");
            }

            foreach (var identity in aliases.Select(People.Normalise).Append(person))
            {
                if (personOf.TryGetValue(identity, out var earlier) && earlier != person)
                {
                    throw new ReleaseRefusedException($"{shownAs} line {number}: {identity} is already an identity of {earlier}; one identity belongs to one person.");
                }

                personOf[identity] = person;
            }
        }

        return new People(personOf);
    }
}
