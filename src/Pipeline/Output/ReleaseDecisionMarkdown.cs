using System.Text;
using Pipeline.Delivery;
using Pipeline.Delivery.Records;

namespace Pipeline.Output;

/// <summary>
/// The gate's decisions as the run's summary shows them: per environment, the version and digest, the mode, who
/// approved, how it ended, and every rule's verdict with what it found.
/// </summary>
internal static class ReleaseDecisionMarkdown
{
    public static void Append(StringBuilder text, IReadOnlyList<ReleaseDecision> decisions)
    {
        foreach (var decision in decisions)
        {
            text.Append($"\n#### {Title(decision)}\n\n")
                .Append($"{Capitalised(LedgerNames.Of(decision.Kind))} of {Cell(decision.Version)} to {Cell(decision.Environment)}, digest `{decision.Digest}`, ")
                .Append(decision.Mode == ReleaseMode.Delivery ? "continuous delivery" : "continuous deployment")
                .Append($"; {Approvers(decision)}.\n\n")
                .Append("| Rule | Verdict | Detail |\n")
                .Append("|---|---|---|\n");
            foreach (var verdict in decision.Verdicts)
            {
                text.Append($"| {verdict.Name} | {(verdict.Passed ? "pass" : "**FAIL**")} | {Cell(verdict.Detail)} |\n");
            }
        }
    }

    private static string Title(ReleaseDecision decision)
    {
        var subject = $"{Cell(decision.Environment)} {Cell(decision.Version)}";
        var failed = string.Join(", ", decision.Verdicts.Where(v => !v.Passed).Select(v => v.Name));
        return decision.Outcome switch
        {
            ReleaseDecisionOutcome.Refused => $"{subject}: refused by {failed}",
            ReleaseDecisionOutcome.WouldBeRefused => $"{subject}: dry run, would be refused by {failed}",
            ReleaseDecisionOutcome.WouldPass => $"{subject}: dry run, would be allowed (nothing was changed)",
            _ => decision.Delivered switch
            {
                LedgerOutcome.Published => $"{subject}: {Done(decision.Kind)}",
                LedgerOutcome.AlreadyPresent => $"{subject}: allowed, already there (nothing published again)",
                _ => $"{subject}: allowed, but the deployment did not finish",
            },
        };
    }

    private static string Done(LedgerRecordKind kind) => kind switch
    {
        LedgerRecordKind.Release => "released",
        LedgerRecordKind.Rollback => "rolled back",
        _ => "deployed",
    };

    private static string Approvers(ReleaseDecision decision) =>
        decision.Approvers.Count > 0 ? $"approved by {Cell(string.Join(", ", decision.Approvers))}"
        : decision.Mode == ReleaseMode.Deployment ? "no approval needed"
        : "no approval";

    private static string Capitalised(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static string Cell(string value) =>
        value.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
