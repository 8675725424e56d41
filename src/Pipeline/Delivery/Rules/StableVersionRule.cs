using NuGet.Versioning;
using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Rules;

/// <summary>No pre-release version (<c>1.2.0-alpha.0.3</c>) reaches the environment.</summary>
internal sealed class StableVersionRule : IReleaseRule
{
    public ReleaseRuleKind Kind => ReleaseRuleKind.StableVersion;

    public bool Applies(ReleaseFacts facts) => facts.Policy.StableVersion;

    public RuleVerdict Judge(ReleaseFacts facts) =>
        SemanticVersion.TryParse(facts.Candidate.Version, out var version) && !version.IsPrerelease
            ? new(Kind, true, $"{facts.Candidate.Version} is a stable version")
            : new(Kind, false, $"{facts.Candidate.Version} is a pre-release version; tag the commit with a release version (git tag 1.2.0)");
}
