using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Rules;

/// <summary>Every file of the candidate matches its manifest: nothing changed, missing or added.</summary>
internal sealed class IntactRule : IReleaseRule
{
    public string Name => "intact";

    public bool Applies(ReleaseFacts facts) => true;

    public RuleVerdict Judge(ReleaseFacts facts) => facts.IntegrityProblems.Count == 0
        ? new(Name, true, $"{facts.Candidate.Manifest.Files.Count} files match {facts.Candidate.Digest}")
        : new(Name, false, string.Join("; ", facts.IntegrityProblems));
}
