using System.Text;
using Pipeline.Execution;
using Pipeline.Secrets;

namespace Pipeline.Output;

/// <summary>The run's summary as Markdown, for <c>artifacts/summary.md</c> and the CI host's job summary.</summary>
internal static class SummaryMarkdown
{
    /// <param name="decisions">The delivery gate's decisions in this run (see <see cref="ReleaseDecisionMarkdown"/>).</param>
    /// <param name="report">Where the run report is (<see cref="ReportLink"/>): a link when it is an address; none when null.</param>
    public static string Render(RunResult run, IReadOnlyList<string> closingLines, SecretMasker secrets, IReadOnlyList<Delivery.ReleaseDecision>? decisions = null, string? report = null)
    {
        var verdict = run.ExitCode switch
        {
            ExitCodes.Success => "Build succeeded",
            ExitCodes.Cancelled => "Build cancelled",
            _ => "Build failed",
        };
        var text = new StringBuilder()
            .Append($"### {verdict} in {Durations.Format(run.WallTime)}\n\n");
        if (report is not null)
        {
            // A relative path would not resolve from the host's summary page: it is named, not linked.
            var where = Uri.TryCreate(report, UriKind.Absolute, out var address) && address.Scheme is "https" or "http" ? $"[{ReportLink.RelativePath}]({report})" : $"`{report}`";
            text.Append($"The run report (timeline, failures, releases): {where}\n\n");
        }

        text
            .Append("| Target | Outcome | Duration | Details |\n")
            .Append("|---|---|---:|---|\n");
        foreach (var result in run.Targets)
        {
            var outcome = result.Outcome == TargetOutcome.Failed && result.FailureAllowed
                ? "failed (allowed)"
                : result.Outcome switch
                {
                    TargetOutcome.Succeeded when result.Reuse is { } reuse => reuse.Outcome,
                    TargetOutcome.NotRun => "not run",
                    var other => other.ToString().ToLowerInvariant(),
                };
            var duration = result.Outcome == TargetOutcome.NotRun ? string.Empty : Durations.Format(result.Duration);
            text.Append($"| {Cell(result.Target.Name)} | {outcome} | {duration} | {Cell(result.Reason ?? result.Slice?.Describe() ?? string.Empty)} |\n");
        }

        ReleaseDecisionMarkdown.Append(text, decisions ?? []);
        foreach (var line in closingLines)
        {
            text.Append($"\n{Cell(line)}\n");
        }

        return secrets.Apply(text.ToString());
    }

    private static string Cell(string value) =>
        value.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
