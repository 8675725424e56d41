using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Rules;

/// <summary>
/// The gate's verdict on a set of facts, computed without reading files, git or the clock: every rule's verdict,
/// whether the candidate is what the environment received last (so it is not deployed again), and the reason
/// recorded when the command line overrode a freeze window.
/// </summary>
internal sealed record Judgement(IReadOnlyList<RuleVerdict> Verdicts, bool AlreadyDelivered, string? OverrideReason)
{
    public bool Refused => Verdicts.Any(v => !v.Passed);

    public static Judgement Of(ReleaseFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var verdicts = ReleaseRules.Judge(facts);
        var lastDelivered = facts.History.Where(r => r.Delivered).MaxBy(r => r.Time);
        return new Judgement(
            verdicts,
            lastDelivered?.Digest == facts.Candidate.Digest,
            verdicts.Any(v => v.Overridden) ? facts.FreezeOverrideReason : null);
    }
}
