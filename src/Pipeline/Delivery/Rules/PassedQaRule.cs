using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Rules;

/// <summary>
/// The digest's latest QA evidence passed every check, and the stages that made the candidate (its tests
/// above all) succeeded rather than being skipped with <c>--skip</c> or failing with failure allowed.
/// </summary>
internal sealed class PassedQaRule : IReleaseRule
{
    public ReleaseRuleKind Kind => ReleaseRuleKind.PassedQa;

    public bool Applies(ReleaseFacts facts) => facts.Policy.PassedQa;

    public RuleVerdict Judge(ReleaseFacts facts)
    {
        var qa = facts.QaEnvironment?.Name ?? "QA";
        var evidence = facts.QaHistory.Where(r => r.Kind == LedgerRecordKind.Qa && r.Digest == facts.Candidate.Digest).MaxBy(r => r.Time);
        if (evidence is null)
        {
            return new(Kind, false, $"{facts.Candidate.Version} {facts.Candidate.Digest} has no QA evidence in {qa}; deploy it there and let its checks pass first");
        }

        if (evidence.Outcome != LedgerOutcome.Passed)
        {
            var failed = string.Join(", ", (evidence.Checks ?? []).Where(c => !c.Passed).Select(c => c.Name));
            return new(Kind, false, $"the last checks in {qa} failed ({failed}) at {ApprovalRule.Time(evidence.Time)}");
        }

        var weak = (evidence.Stages ?? new Dictionary<string, StageResult>()).Where(s => !s.Value.CountsAsSucceeded).ToList();
        if (weak.Count > 0)
        {
            return new(Kind, false, $"in the run that made it: {string.Join(", ", weak.Select(s => $"{s.Key} {s.Value}"))}; build a candidate again without skipping or failing them");
        }

        var checks = string.Join(", ", (evidence.Checks ?? []).Select(c => c.Name));
        return new(Kind, true, $"checks passed in {qa} at {ApprovalRule.Time(evidence.Time)}{(checks.Length > 0 ? $" ({checks})" : string.Empty)}");
    }
}
