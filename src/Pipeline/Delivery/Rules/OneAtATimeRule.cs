using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Rules;

/// <summary>One release at a time per environment: nobody else holds its lock.</summary>
internal sealed class OneAtATimeRule : IReleaseRule
{
    public ReleaseRuleKind Kind => ReleaseRuleKind.OneAtATime;

    public bool Applies(ReleaseFacts facts) => true;

    public RuleVerdict Judge(ReleaseFacts facts) => facts.LockHeldBy is { } holder
        ? new(Kind, false, $"another release to {facts.Environment.Name} is in progress ({holder})")
        : new(Kind, true, $"no other release to {facts.Environment.Name} in progress");
}
