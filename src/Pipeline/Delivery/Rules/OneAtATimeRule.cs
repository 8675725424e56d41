using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Rules;

/// <summary>One release at a time per environment: nobody else holds its lock.</summary>
internal sealed class OneAtATimeRule : IReleaseRule
{
    public string Name => "one-at-a-time";

    public bool Applies(ReleaseFacts facts) => true;

    public RuleVerdict Judge(ReleaseFacts facts) => facts.LockHeldBy is { } holder
        ? new(Name, false, $"another release to {facts.Environment.Name} is in progress ({holder})")
        : new(Name, true, $"no other release to {facts.Environment.Name} in progress");
}
