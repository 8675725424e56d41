using Pipeline.Execution;
using Pipeline.Incremental;

namespace Pipeline.Reports;

/// <summary>
/// How a target's outcome reads in the report: a name for machines and style sheets (<c>up-to-date</c>, the value of
/// <c>data-outcome</c> and of the <c>outcome-*</c> class) and the words the console's summary uses (<c>up to date</c>).
/// </summary>
internal sealed record ReportOutcome(string Slug, string Label)
{
    /// <summary>Every outcome, in the order the legend lists them.</summary>
    public static IReadOnlyList<ReportOutcome> All { get; } =
    [
        new("succeeded", "succeeded"),
        new("up-to-date", "up to date"),
        new("restored", "restored from the build cache"),
        new("failed", "failed"),
        new("failed-allowed", "failed (allowed)"),
        new("skipped", "skipped"),
        new("cancelled", "cancelled"),
        new("not-run", "not run"),
    ];

    public static ReportOutcome Of(TargetResult result) => All.First(o => o.Slug == SlugOf(result));

    private static string SlugOf(TargetResult result) => result.Outcome switch
    {
        TargetOutcome.Succeeded when result.Reuse is { Kind: ReuseKind.UpToDate } => "up-to-date",
        TargetOutcome.Succeeded when result.Reuse is not null => "restored",
        TargetOutcome.Succeeded => "succeeded",
        TargetOutcome.Failed when result.FailureAllowed => "failed-allowed",
        TargetOutcome.Failed => "failed",
        TargetOutcome.Skipped => "skipped",
        TargetOutcome.Cancelled => "cancelled",
        _ => "not-run",
    };
}
