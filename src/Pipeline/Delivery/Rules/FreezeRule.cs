using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Rules;

/// <summary>Not inside a freeze window, unless overridden with a reason (which the ledger keeps).</summary>
internal sealed class FreezeRule : IReleaseRule
{
    public ReleaseRuleKind Kind => ReleaseRuleKind.FreezeWindow;

    public bool Applies(ReleaseFacts facts) => facts.Policy.Freezes.Count > 0;

    public RuleVerdict Judge(ReleaseFacts facts)
    {
        var window = facts.Policy.Freezes.FirstOrDefault(w => w.Contains(facts.Now));
        if (window is null)
        {
            return new(Kind, true, "outside every freeze window");
        }

        return facts.FreezeOverrideReason is { } reason
            ? new(Kind, true, $"inside {window}, overridden: {reason}") { Overridden = true }
            : new(Kind, false, $"inside {window}; to release anyway give --override-freeze \"reason\"");
    }
}
