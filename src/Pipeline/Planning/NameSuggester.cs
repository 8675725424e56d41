namespace Pipeline.Planning;

/// <summary>Finds the declared names closest to a mistyped one (prefix matches first, then edit distance).</summary>
internal static class NameSuggester
{
    public static IReadOnlyList<string> Suggest(string typed, IEnumerable<string> candidates, int max = 3)
    {
        var scored = new List<(string Name, int Score)>();
        foreach (var candidate in candidates)
        {
            if (candidate.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            {
                scored.Add((candidate, 0));
                continue;
            }

            var distance = Distance(typed.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance <= Math.Max(2, candidate.Length / 3))
            {
                scored.Add((candidate, distance));
            }
        }

        return [.. scored.OrderBy(s => s.Score).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Take(max).Select(s => s.Name)];
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
