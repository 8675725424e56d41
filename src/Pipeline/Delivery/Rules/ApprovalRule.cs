using System.Globalization;
using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Rules;

/// <summary>Continuous delivery: an approval of this very digest, not expired. Continuous deployment needs none.</summary>
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

        var forThis = facts.Approvals.Where(a => a.Digest == facts.Candidate.Digest).ToList();
        var valid = forThis.FirstOrDefault(a => IsValid(a, facts));
        if (valid is not null)
        {
            return new(Kind, true, $"approved by {valid.Who} at {Time(valid.Time)}");
        }

        if (forThis.FirstOrDefault() is { } expired)
        {
            return new(Kind, false, $"the approval by {expired.Who} at {Time(expired.Time)} expired after {facts.Policy.ApprovalValidity}; approve again with --approve");
        }

        var other = facts.Approvals.FirstOrDefault();
        var otherText = other is null ? string.Empty : $" (the last approval, by {other.Who}, was for {other.Version} {other.Digest}: another candidate)";
        return new(Kind, false, $"no approval for {facts.Candidate.Version} {facts.Candidate.Digest}{otherText}; approve with --approve");
    }

    internal static bool IsValid(LedgerRecord approval, ReleaseFacts facts) =>
        facts.Policy.ApprovalValidity is not { } validity || approval.Time + validity >= facts.Now;

    internal static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
