namespace Pipeline.Hosts.Vendors;

/// <summary>
/// Woodpecker CI: nothing to talk back to; steps share the workspace, secrets are masked as declared, and
/// uploads are done by plugins. Variables: https://woodpecker-ci.org/docs/usage/environment
/// </summary>
public sealed class Woodpecker : CiHost
{
    public override string Name => "woodpecker";

    public override string DisplayName => "Woodpecker CI";

    public override IReadOnlyDictionary<HostCapability, CapabilitySupport> Capabilities { get; } = Table(
        (HostCapability.Groups, CapabilitySupport.None),
        (HostCapability.Annotations, CapabilitySupport.None),
        (HostCapability.Masking, CapabilitySupport.ConfigurationOnly),
        (HostCapability.JobSummary, CapabilitySupport.None),
        (HostCapability.Outputs, CapabilitySupport.None),
        (HostCapability.Artifacts, CapabilitySupport.None),
        (HostCapability.BuildNumber, CapabilitySupport.None),
        (HostCapability.Approvals, CapabilitySupport.None));

    // Woodpecker says CI=woodpecker rather than CI=true.
    public override bool IsPresent(HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment["CI"] == "woodpecker";
    }

    // CI_COMMIT_BRANCH equals the target branch for pull requests; CI_COMMIT_SOURCE_BRANCH,
    // CI_COMMIT_TARGET_BRANCH and CI_COMMIT_PULL_REQUEST are set only for pull request events; CI_COMMIT_TAG
    // only for tag events. There is no build id apart from the pipeline number.
    public override BuildIdentity ReadIdentity(HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var reference = environment["CI_COMMIT_REF"];
        var pullRequest = environment["CI_COMMIT_PULL_REQUEST"] is { } number
            ? new PullRequest(number, environment["CI_COMMIT_SOURCE_BRANCH"], environment["CI_COMMIT_TARGET_BRANCH"] ?? environment["CI_COMMIT_BRANCH"])
            : null;
        var tag = pullRequest is null ? environment["CI_COMMIT_TAG"] ?? Refs.TagName(reference) : null;
        var branch = pullRequest is not null
            ? pullRequest.SourceBranch
            : tag is null ? environment["CI_COMMIT_BRANCH"] ?? Refs.BranchName(reference) : null;
        return new BuildIdentity
        {
            Host = Name,
            Ref = Refs.Compose(branch, tag, pullRequest?.Number),
            Branch = branch,
            Tag = tag,
            Commit = environment["CI_COMMIT_SHA"],
            PullRequest = pullRequest,
            BuildNumber = environment["CI_PIPELINE_NUMBER"],
            BuildUrl = environment["CI_PIPELINE_URL"],
        };
    }
}
