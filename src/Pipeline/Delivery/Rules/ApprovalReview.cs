using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Rules;

/// <summary>
/// Which approvals of the candidate count, and why the others do not: an approval counts when it is of this
/// digest, not expired, given after the environment last received this digest (a delivery spends the approvals
/// that allowed it, so a rollback needs a new one), and, when the policy requires it, its signature verifies.
/// Shared by the approval rule (how many people) and separation of duties (which of them are independent).
/// </summary>
internal static class ApprovalReview
{
    /// <summary>The approvals of this digest, newest first, each with the reason it does not count (null when it counts).</summary>
    public static IReadOnlyList<ReviewedApproval> Of(ReleaseFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var lastDelivery = facts.History.Where(r => r.Delivered && r.Digest == facts.Candidate.Digest).MaxBy(r => r.Time);
        return [.. facts.Approvals.Where(a => a.Digest == facts.Candidate.Digest).Select(a => new ReviewedApproval(a, facts.People.PersonOf(a.Who), WhyNot(a, facts, lastDelivery)))];
    }

    /// <summary>The approvals that count, one per person (the newest), newest first.</summary>
    public static IReadOnlyList<ReviewedApproval> Counting(ReleaseFacts facts) =>
        [.. Of(facts).Where(a => a.Counts).DistinctBy(a => a.Person)];

    private static string? WhyNot(LedgerRecord approval, ReleaseFacts facts, LedgerRecord? lastDelivery)
    {
        var given = $"the approval by {approval.Who} at {ApprovalRule.Time(approval.Time)}";
        if (facts.Signatures is { } signatures && signatures.GetValueOrDefault(approval) is not { Verified: true })
        {
            return $"{given} does not count: {signatures.GetValueOrDefault(approval)?.Detail ?? "its signature was not checked"}";
        }

        if (lastDelivery is not null && approval.Time <= lastDelivery.Time)
        {
            return $"{given} was spent by the {LedgerNames.Of(lastDelivery.Kind)} of this digest at {ApprovalRule.Time(lastDelivery.Time)} (each delivery needs its own)";
        }

        return ApprovalRule.IsValid(approval, facts) ? null : $"{given} expired after {facts.Policy.ApprovalValidity}";
    }
}

/// <summary>An approval of the candidate, the person it comes down to, and why it does not count (null when it does).</summary>
internal sealed record ReviewedApproval(LedgerRecord Approval, string Person, string? NotCounted)
{
    public bool Counts => NotCounted is null;
}
