using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Rules;

/// <summary>Built from a clean working tree, and released from one. Rollbacks are exempt (the bytes were built long ago).</summary>
internal sealed class CleanTreeRule : IReleaseRule
{
    public ReleaseRuleKind Kind => ReleaseRuleKind.CleanTree;

    public bool Applies(ReleaseFacts facts) => facts.Policy.CleanWorkingTree && !facts.IsRollback;

    public RuleVerdict Judge(ReleaseFacts facts) =>
        facts.Candidate.Manifest.Dirty ? new(Kind, false, $"{facts.Candidate.Version} was built from a dirty working tree")
        : facts.WorkingTreeDirty ? new(Kind, false, "the working tree has uncommitted changes (git status)")
        : new(Kind, true, "built and released from a clean working tree");
}
