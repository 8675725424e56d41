using Pipeline.Delivery.Records;

namespace Pipeline.Delivery;

/// <summary>
/// The refusal a gate throws: the failed rules by name, what the CI host's reviewers did when it keeps a review
/// (<see cref="Identities.HostReview"/>), and the way out (the approve command) when an approval is missing.
/// </summary>
internal static class RefusalMessage
{
    public static string Of(GatePass pass, IReadOnlyList<RuleVerdict> verdicts, bool dryRun, Identities.HostReview? hostReview = null)
    {
        var failed = verdicts.Where(v => !v.Passed).ToList();
        var message = $"{(dryRun ? "Dry run: it would be refused" : "Refused")}: {string.Join(", ", failed.Select(v => v.Name))} " +
            $"({(failed.Count > 1 ? "rules" : "rule")} of {pass.Environment.Name}; the verdicts are above).{hostReview?.WhenRefused(failed)}";
        if (failed.Any(v => v.Rule is ReleaseRuleKind.Approval or ReleaseRuleKind.ApproverNotAuthor))
        {
            message += $" To approve: ./build.sh {pass.Step.Target.Name} --approve --comment \"why\"";
        }

        return message;
    }
}
