using System.Globalization;
using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Rules;

/// <summary>
/// Continuous delivery: enough different people (<c>MinimumApprovals</c>, one by default) approved this very
/// digest, in approvals that count (<see cref="ApprovalReview"/>). Continuous deployment needs none.
/// </summary>
internal sealed class ApprovalRule : IReleaseRule
{
    public ReleaseRuleKind Kind => ReleaseRuleKind.Approval;

    public bool Applies(ReleaseFacts facts) => true;

    public RuleVerdict Judge(ReleaseFacts facts)
    {
        if (facts.Mode == ReleaseMode.Deployment)
        {
            return new(Kind, true, "not needed: continuous deployment");
        }

        var needed = facts.Policy.RequiredApprovals;
        var reviewed = ApprovalReview.Of(facts);
        var counting = ApprovalReview.Counting(facts);
        if (counting.Count >= needed)
        {
            var by = string.Join(", ", counting.Select(a => $"{a.Approval.Who} at {Time(a.Approval.Time)}"));
            return new(Kind, true, needed == 1 ? $"approved by {by}" : $"approved by {by} ({counting.Count} people, {needed} needed)");
        }

        if (counting.Count > 0)
        {
            var notCounted = reviewed.FirstOrDefault(a => !a.Counts) is { } other ? $"; {other.NotCounted}" : string.Empty;
            return new(Kind, false, $"{counting.Count} of the {needed} approvals needed, by {string.Join(", ", counting.Select(a => a.Approval.Who))}{notCounted}; another person must approve with --approve");
        }

        if (reviewed.FirstOrDefault() is { } newest)
        {
            return new(Kind, false, $"{newest.NotCounted}; approve again with --approve");
        }

        var last = facts.Approvals.FirstOrDefault();
        var lastText = last is null ? string.Empty : $" (the last approval, by {last.Who}, was for {last.Version} {last.Digest}: another candidate)";
        return new(Kind, false, $"no approval for {facts.Candidate.Version} {facts.Candidate.Digest}{lastText}; approve with --approve");
    }

    internal static bool IsValid(LedgerRecord approval, ReleaseFacts facts) =>
        facts.Policy.ApprovalValidity is not { } validity || approval.Time + validity >= facts.Now;

    internal static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
