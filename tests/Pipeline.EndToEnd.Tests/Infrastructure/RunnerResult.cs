namespace Pipeline.EndToEnd.Tests.Infrastructure;

/// <summary>One finished runner process: its exit code and everything it wrote.</summary>
public sealed class RunnerResult(int exitCode, string standardOutput, string standardError)
{
    private static readonly char[] CellBorders = ['│', '|'];

    public int ExitCode { get; } = exitCode;

    public string StandardOutput { get; } = standardOutput;

    public string StandardError { get; } = standardError;

    /// <summary>What a finished child process (the runner, or any program a test starts) wrote, for the assertions below.</summary>
    internal static RunnerResult Of(ChildProcessResult result) => new(result.ExitCode, result.StandardOutput, result.StandardError);

    /// <summary>Standard output, then standard error.</summary>
    public string AllOutput => StandardOutput + Environment.NewLine + StandardError;

    /// <summary>The lines of standard output, without trailing blank lines.</summary>
    public IReadOnlyList<string> OutputLines => Lines(StandardOutput);

    /// <summary>The last line of standard output that is not blank.</summary>
    public string LastOutputLine => OutputLines.Count == 0 ? string.Empty : OutputLines[^1];

    /// <summary>
    /// The rows of the summary table that ends a run, in order. Works with the rounded (Unicode) and the
    /// ASCII border; a row whose details wrap onto further lines is read from its first line.
    /// </summary>
    public IReadOnlyList<SummaryRow> SummaryRows
    {
        get
        {
            var rows = new List<SummaryRow>();
            foreach (var line in OutputLines.Select(l => l.Trim()))
            {
                if (line.Length == 0 || !CellBorders.Contains(line[0]))
                {
                    continue;
                }

                var cells = line.Trim(CellBorders).Split(CellBorders).Select(c => c.Trim()).ToArray();
                if (cells.Length >= 4 && cells[0].Length > 0 && cells[0] != "Target")
                {
                    rows.Add(new SummaryRow(cells[0], cells[1], cells[3]));
                }
            }

            return rows;
        }
    }

    /// <summary>The outcome the summary table shows for <paramref name="target"/>.</summary>
    public string OutcomeOf(string target)
    {
        var row = SummaryRows.SingleOrDefault(r => r.Target == target);
        Assert.True(row is not null, $"The summary table has no row for '{target}'.{Environment.NewLine}{this}");
        return row!.Outcome;
    }

    /// <summary>The details column the summary table shows for <paramref name="target"/>.</summary>
    public string DetailsOf(string target)
    {
        var row = SummaryRows.SingleOrDefault(r => r.Target == target);
        Assert.True(row is not null, $"The summary table has no row for '{target}'.{Environment.NewLine}{this}");
        return row!.Details;
    }

    public void ShouldExitWith(int expected) =>
        Assert.True(ExitCode == expected, $"Expected exit code {expected}, but the runner exited with {ExitCode}.{Environment.NewLine}{this}");

    /// <summary>Neither stream shows a .NET stack trace or an unhandled exception.</summary>
    public void ShouldShowNoStackTrace()
    {
        Assert.False(AllOutput.Contains("   at ", StringComparison.Ordinal), $"The output shows a stack trace.{Environment.NewLine}{this}");
        Assert.False(AllOutput.Contains("Unhandled exception", StringComparison.Ordinal), $"The output shows an unhandled exception.{Environment.NewLine}{this}");
    }

    /// <summary>Nothing started: no target start line ("▶ Name", or "> Name" without Unicode), no command, no summary table.</summary>
    public void ShouldHaveRunNoTarget()
    {
        Assert.False(
            OutputLines.Any(l => l.StartsWith("▶ ", StringComparison.Ordinal) || l.StartsWith("> ", StringComparison.Ordinal)),
            $"A target started.{Environment.NewLine}{this}");
        Assert.True(SummaryRows.Count == 0, $"A summary table was printed.{Environment.NewLine}{this}");
    }

    public void OutputShouldContain(string text) =>
        Assert.True(AllOutput.Contains(text, StringComparison.Ordinal), $"Expected the output to contain \"{text}\".{Environment.NewLine}{this}");

    public void OutputShouldNotContain(string text) =>
        Assert.False(AllOutput.Contains(text, StringComparison.Ordinal), $"Expected the output not to contain \"{text}\".{Environment.NewLine}{this}");

    public void ErrorShouldContain(string text) =>
        Assert.True(StandardError.Contains(text, StringComparison.Ordinal), $"Expected standard error to contain \"{text}\".{Environment.NewLine}{this}");

    public override string ToString() =>
        $"--- exit code: {ExitCode}{Environment.NewLine}--- stdout:{Environment.NewLine}{StandardOutput}{Environment.NewLine}--- stderr:{Environment.NewLine}{StandardError}";

    private static List<string> Lines(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        while (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[^1]))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }
}

/// <summary>One row of the summary table.</summary>
public sealed record SummaryRow(string Target, string Outcome, string Details);
