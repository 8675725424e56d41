using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Partitions;

/// <summary>
/// Merges the closing lines of a target's slices into the lines the whole target would have written: counts of
/// the form <c>Label: N passed, N failed</c> are summed per label (so CI still reads <c>Test: N passed, N failed</c>
/// last), every other line is kept once. Lines keep the order in which they first appear.
/// </summary>
internal static partial class ClosingLineMerge
{
    public static IReadOnlyList<string> Merge(IEnumerable<string> lines)
    {
        // Each entry is either a label whose counts are summed, or a line kept as it is.
        var order = new List<(string? Label, string Line)>();
        var counts = new Dictionary<string, (long Passed, long Failed)>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var match = CountsLine().Match(line);
            if (match.Success
                && long.TryParse(match.Groups["passed"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var passed)
                && long.TryParse(match.Groups["failed"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var failed))
            {
                var label = match.Groups["label"].Value;
                if (!counts.TryGetValue(label, out var sum))
                {
                    order.Add((label, line));
                }

                counts[label] = (sum.Passed + passed, sum.Failed + failed);
            }
            else if (seen.Add(line))
            {
                order.Add((null, line));
            }
        }

        return [.. order.Select(entry => entry.Label is { } label ? $"{label}: {counts[label].Passed} passed, {counts[label].Failed} failed" : entry.Line)];
    }

    [GeneratedRegex("^(?<label>.+): (?<passed>[0-9]+) passed, (?<failed>[0-9]+) failed$", RegexOptions.CultureInvariant)]
    private static partial Regex CountsLine();
}
