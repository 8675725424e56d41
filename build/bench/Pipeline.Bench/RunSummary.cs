namespace Pipeline.Bench;

/// <summary>
/// The outcome of each target, read from the summary table that ends a run (rounded or ASCII borders): how the
/// harness knows whether a measured ./build.sh Test ran its targets or found them up to date.
/// </summary>
internal static class RunSummary
{
    private static readonly char[] CellBorders = ['│', '|'];

    /// <summary>The outcome column of <paramref name="target"/>'s row (<c>succeeded</c>, <c>up to date</c>, ...), or null without one.</summary>
    public static string? OutcomeOf(ChildProcessResult result, string target)
    {
        foreach (var line in result.StandardOutput.Split('\n').Select(l => l.Trim()))
        {
            if (line.Length == 0 || !CellBorders.Contains(line[0]))
            {
                continue;
            }

            var cells = line.Trim(CellBorders).Split(CellBorders).Select(c => c.Trim()).ToArray();
            if (cells.Length >= 2 && cells[0] == target)
            {
                return cells[1];
            }
        }

        return null;
    }

    /// <summary>Whether the target's body ran: it succeeded and was not found up to date or restored.</summary>
    public static bool Ran(ChildProcessResult result, string target) => OutcomeOf(result, target) == "succeeded";

    /// <summary>The outcomes of the targets, for a note: <c>Compile up to date, Test up to date</c>.</summary>
    public static string Describe(ChildProcessResult result, params string[] targets) =>
        string.Join(", ", targets.Select(t => $"{t} {OutcomeOf(result, t) ?? "(no summary row)"}"));

    /// <summary>The last line of standard output that is not blank: a Test run's closing line.</summary>
    public static string LastLine(ChildProcessResult result) =>
        result.StandardOutput.Split('\n').Select(l => l.TrimEnd()).LastOrDefault(l => l.Length > 0) ?? string.Empty;
}
