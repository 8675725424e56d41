using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Rules;

/// <summary>
/// Not inside a freeze window, unless overridden with a reason (which the ledger keeps) by one of the identities
/// the policy lists for break-glass (<c>BreakGlassBy</c>); nobody else may, and without that list nobody may.
/// </summary>
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

        if (facts.FreezeOverrideReason is not { } reason)
        {
            return new(Kind, false, $"inside {window}; to release anyway give --override-freeze \"reason\"");
        }

        var allowed = facts.Policy.BreakGlassIdentities;
        if (allowed.Count == 0)
        {
            return new(Kind, false, $"inside {window}; --override-freeze is only for the identities the policy names in BreakGlassBy(...), and it names none");
        }

        var actor = facts.Actor;
        return actor is not null && allowed.Any(identity => facts.People.Same(identity, actor.Identity))
            ? new(Kind, true, $"inside {window}, overridden by {actor.Identity}: {reason}") { Overridden = true }
            : new(Kind, false, $"inside {window}; only {string.Join(", ", allowed)} may override it, not {actor?.Identity ?? "an unknown identity"}{(actor is null ? string.Empty : $" ({actor.Source})")}");
    }
}
