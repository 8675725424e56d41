using Pipeline.Delivery.Records;
using Pipeline.Output;

namespace Pipeline.Delivery.Rules;

/// <summary>
/// A soak in QA (<see cref="ReleasePolicy.SoakInQa"/>): the candidate first passed its QA checks at least that long
/// ago. Rollbacks are exempt (the bytes were released before).
/// </summary>
internal sealed class SoakRule : IReleaseRule
{
    public ReleaseRuleKind Kind => ReleaseRuleKind.Soak;

    public bool Applies(ReleaseFacts facts) => facts.Policy.Soak is not null && !facts.IsRollback;

    public RuleVerdict Judge(ReleaseFacts facts)
    {
        var soak = facts.Policy.Soak!.Value;
        var qa = facts.QaEnvironment?.Name ?? "QA";
        var passed = facts.QaHistory
            .Where(r => r.Kind == LedgerRecordKind.Qa && r.Outcome == LedgerOutcome.Passed && r.Digest == facts.Candidate.Digest)
            .MinBy(r => r.Time);
        if (passed is null)
        {
            return new(Kind, false, $"{facts.Candidate.Version} has not passed {qa} yet; it must soak there for {Durations.Format(soak)}");
        }

        var age = facts.Now - passed.Time;
        var since = $"passed {qa} at {ApprovalRule.Time(passed.Time)}, {Durations.Format(age < TimeSpan.Zero ? TimeSpan.Zero : age)} ago";
        return age >= soak
            ? new(Kind, true, $"{since}; the soak is {Durations.Format(soak)}")
            : new(Kind, false, $"{since}; it must soak for {Durations.Format(soak)}: releasable from {ApprovalRule.Time(passed.Time + soak)}");
    }
}
