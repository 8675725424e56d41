namespace Pipeline.Hosts.Vendors;

/// <summary>
/// Drone: nothing to talk back to. Steps share the workspace (files are the outputs), secrets are masked as
/// declared, and uploads are done by plugins.
/// </summary>
public sealed class Drone : CiHost
{
    public override string Name => "drone";

    public override string DisplayName => "Drone";

    public override IReadOnlyDictionary<HostCapability, CapabilitySupport> Capabilities { get; } = Table(
        (HostCapability.Groups, CapabilitySupport.None),
        (HostCapability.Annotations, CapabilitySupport.None),
        (HostCapability.Masking, CapabilitySupport.ConfigurationOnly),
        (HostCapability.JobSummary, CapabilitySupport.None),
        (HostCapability.Outputs, CapabilitySupport.None),
        (HostCapability.Artifacts, CapabilitySupport.None),
        (HostCapability.BuildNumber, CapabilitySupport.None),
        (HostCapability.Approvals, CapabilitySupport.None));

    // Woodpecker began as a fork of Drone; a run that says CI=woodpecker is Woodpecker's.
    public override bool IsPresent(HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.IsTrue("DRONE") && environment["CI"] != "woodpecker";
    }

    // DRONE_BRANCH (= DRONE_COMMIT_BRANCH) is the *target* branch of a pull request and may be empty for a
    // tag; DRONE_SOURCE_BRANCH / DRONE_TARGET_BRANCH name both sides; DRONE_COMMIT_REF is the full ref.
    public override BuildIdentity ReadIdentity(HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var reference = environment["DRONE_COMMIT_REF"];
        var pullRequest = environment["DRONE_PULL_REQUEST"] is { } number
            ? new PullRequest(number, environment["DRONE_SOURCE_BRANCH"], environment["DRONE_TARGET_BRANCH"] ?? environment["DRONE_BRANCH"])
            : null;
        var tag = pullRequest is null ? environment["DRONE_TAG"] ?? Refs.TagName(reference) : null;
        var branch = pullRequest is not null
            ? pullRequest.SourceBranch
            : tag is null ? environment["DRONE_BRANCH"] ?? Refs.BranchName(reference) : null;
        return new BuildIdentity
        {
            Host = Name,
            Ref = Refs.Compose(branch, tag, pullRequest?.Number),
            Branch = branch,
            Tag = tag,
            Commit = environment["DRONE_COMMIT_SHA"],
            PullRequest = pullRequest,
            BuildNumber = environment["DRONE_BUILD_NUMBER"],
            BuildUrl = environment["DRONE_BUILD_LINK"],
        };
    }
}
