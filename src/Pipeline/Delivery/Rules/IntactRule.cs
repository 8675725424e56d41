using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Rules;

/// <summary>Every file of the candidate matches its manifest: nothing changed, missing or added.</summary>
internal sealed class IntactRule : IReleaseRule
{
    public ReleaseRuleKind Kind => ReleaseRuleKind.Intact;

    public bool Applies(ReleaseFacts facts) => true;

    public RuleVerdict Judge(ReleaseFacts facts) => facts.IntegrityProblems.Count == 0
        ? new(Kind, true, $"{facts.Candidate.Manifest.Files.Count} files match {facts.Candidate.Digest}")
        : new(Kind, false, string.Join("; ", facts.IntegrityProblems));
}
