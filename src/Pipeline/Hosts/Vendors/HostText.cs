using System.Globalization;
using System.Text;

namespace Pipeline.Hosts.Vendors;

/// <summary>Text shaping shared by the hosts' protocols: one-line titles, safe section names, secret parts, outputs.</summary>
internal static class HostText
{
    /// <summary>The shortest secret (or secret line) worth masking, as in <see cref="Secrets.SecretMasker"/>.</summary>
    private const int MinimumSecretLength = 3;

    /// <summary>A title on one line: protocol lines end at a line break.</summary>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');
    }

    /// <summary>A section or fold name from a title: lower-case ASCII letters, digits and <c>_</c> only.</summary>
    public static string SectionName(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var builder = new StringBuilder(title.Length);
        foreach (var c in title.Trim().ToLowerInvariant())
        {
            builder.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '_');
        }

        return builder.Length > 0 ? builder.ToString() : "section";
    }

    /// <summary>
    /// What to register with a host's masker: the value, and for a multi-line value (a key file) each line of
    /// it too, because logs are masked line by line. Lines shorter than three characters are left out: masking
    /// <c>}</c> everywhere would protect nothing.
    /// </summary>
    public static IReadOnlyList<string> SecretParts(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return [];
        }

        if (!value.Contains('\n', StringComparison.Ordinal) && !value.Contains('\r', StringComparison.Ordinal))
        {
            return [value];
        }

        var lines = value.Split('\n').Select(line => line.Trim()).Where(line => line.Length >= MinimumSecretLength);
        return [.. new[] { value }.Concat(lines).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The annotation's known file, line and column, in that order, under the host's own names for them
    /// (<c>file</c>/<c>line</c>/<c>col</c> on GitHub, <c>sourcepath</c>/<c>linenumber</c>/<c>columnnumber</c> on Azure).
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> Location(Annotation annotation, string fileName, string lineName, string columnName)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        if (annotation.File is { } file)
        {
            yield return new(fileName, file);
        }

        if (annotation.Line is { } line)
        {
            yield return new(lineName, line.ToString(CultureInfo.InvariantCulture));
        }

        if (annotation.Column is { } column)
        {
            yield return new(columnName, column.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>An annotation as one message for hosts without separate title or location fields: <c>file(line,col): title: message</c>.</summary>
    public static string Describe(Annotation annotation, bool withLocation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        var text = new StringBuilder();
        if (withLocation && annotation.File is { } file)
        {
            text.Append(file);
            if (annotation.Line is { } line)
            {
                text.Append(CultureInfo.InvariantCulture, $"({line}");
                if (annotation.Column is { } column)
                {
                    text.Append(CultureInfo.InvariantCulture, $",{column}");
                }

                text.Append(')');
            }

            text.Append(": ");
        }

        if (annotation.Title is { } title)
        {
            text.Append(title).Append(": ");
        }

        return text.Append(annotation.Message).ToString();
    }

    /// <summary>True for a name usable as an environment variable: ASCII letters, digits and <c>_</c>, not starting with a digit.</summary>
    public static bool IsVariableName(string name) =>
        name is { Length: > 0 }
        && name[0] is not (>= '0' and <= '9')
        && name.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_');

    /// <summary>True when the value spans lines (dotenv-style files cannot hold it).</summary>
    public static bool IsMultiLine(string value) =>
        value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal);

    /// <summary>
    /// <c>KEY=VALUE</c> lines for files read as dotenv (GitLab's <c>artifacts:reports:dotenv</c>, Bitbucket's
    /// shared variables). Those readers take no quoting and no line breaks, and GitLab rejects the whole file
    /// over one bad line, so an output whose name is not a variable name or whose value spans lines is left
    /// out here (it is still in <c>artifacts/outputs.env</c>). Null when nothing is left.
    /// </summary>
    public static string? DotEnvLines(IReadOnlyList<KeyValuePair<string, string>>? outputs)
    {
        if (outputs is null)
        {
            return null;
        }

        var lines = outputs
            .Where(o => IsVariableName(o.Key) && !IsMultiLine(o.Value))
            .Select(o => $"{o.Key}={o.Value}\n");
        var text = string.Concat(lines);
        return text.Length > 0 ? text : null;
    }

    /// <summary>
    /// The dotenv lines appended to <paramref name="path"/>, and a warning for each output those files cannot
    /// hold, so that an output a later job expects is never missing without a word.
    /// </summary>
    public static IEnumerable<HostEffect> DotEnvEffects(string path, IReadOnlyList<KeyValuePair<string, string>>? outputs, string hostName)
    {
        if (DotEnvLines(outputs) is { } lines)
        {
            yield return new AppendToFile(path, lines);
        }

        foreach (var (name, value) in outputs ?? [])
        {
            var problem = !IsVariableName(name) ? "its name is not a variable name" : IsMultiLine(value) ? "its value spans lines" : null;
            if (problem is not null)
            {
                yield return new HostWarning(
                    $"{hostName} cannot pass output '{name}' to later steps: {problem}, which its dotenv file cannot hold. It is written to artifacts/outputs.env only.");
            }
        }
    }
}
