using NuGet.Versioning;
using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Rules;

/// <summary>
/// Nothing below the last released version, and never other bytes under a released version (SemVer: a released
/// version's contents never change). <c>--rollback-to</c> is the way back down.
/// </summary>
internal sealed class NoDowngradeRule : IReleaseRule
{
    public ReleaseRuleKind Kind => ReleaseRuleKind.NoDowngrade;

    public bool Applies(ReleaseFacts facts) => facts.Policy.NoDowngrade;

    public RuleVerdict Judge(ReleaseFacts facts)
    {
        if (facts.IsRollback)
        {
            return new(Kind, true, "waived: a rollback");
        }

        var candidate = SemanticVersion.Parse(facts.Candidate.Version);
        var sameVersion = facts.Releases.FirstOrDefault(r => SemanticVersion.Parse(r.Version) == candidate && r.Digest != facts.Candidate.Digest);
        if (sameVersion is not null)
        {
            return new(Kind, false, $"{candidate} was already released as {sameVersion.Digest}; a released version never changes, so release a new version");
        }

        var last = facts.Releases.FirstOrDefault();
        if (last is null)
        {
            return new(Kind, true, $"first release to {facts.Environment.Name}");
        }

        var current = SemanticVersion.Parse(last.Version);
        return candidate >= current
            ? new(Kind, true, $"{candidate} is not below {current}, the last release")
            : new(Kind, false, $"{candidate} is below {current}, released {ApprovalRule.Time(last.Time)}; to go back use --rollback-to {candidate}");
    }
}
