namespace Pipeline.Hosts.Vendors;

/// <summary>
/// Bamboo: nothing to talk back to at run time. Password variables are masked, values reach later stages
/// through an "Inject Bamboo variables" task reading a key=value file, artifacts are artifact definitions and
/// a person approves by running a manual stage: all of it plan configuration.
/// </summary>
public sealed class Bamboo : CiHost
{
    public override string Name => "bamboo";

    public override string DisplayName => "Bamboo";

    public override IReadOnlyDictionary<HostCapability, CapabilitySupport> Capabilities { get; } = Table(
        (HostCapability.Groups, CapabilitySupport.None),
        (HostCapability.Annotations, CapabilitySupport.None),
        (HostCapability.Masking, CapabilitySupport.ConfigurationOnly),
        (HostCapability.JobSummary, CapabilitySupport.None),
        (HostCapability.Outputs, CapabilitySupport.ConfigurationOnly),
        (HostCapability.Artifacts, CapabilitySupport.ConfigurationOnly),
        (HostCapability.BuildNumber, CapabilitySupport.None),
        (HostCapability.Approvals, CapabilitySupport.ConfigurationOnly));

    // Bamboo variables reach scripts as bamboo_<name with dots as underscores>; no CI variable is set.
    public override bool IsPresent(HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.Has("bamboo_agentId") || environment.Has("bamboo_planKey");
    }

    // The plan repository's branch and revision; Bamboo has no tag variable (git fills that in). Plan branches
    // created for a pull request (Bamboo 6.9+) carry bamboo_repository_pr_key / _sourceBranch / _targetBranch:
    // not in the variables page of the docs, but confirmed by danger-js's Bamboo source and by published
    // variable dumps, where the branches can come as refs/heads/… and are shortened here.
    public override BuildIdentity ReadIdentity(HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var pullRequest = environment["bamboo_repository_pr_key"] is { } key
            ? new PullRequest(key, Refs.BranchName(environment["bamboo_repository_pr_sourceBranch"]), Refs.BranchName(environment["bamboo_repository_pr_targetBranch"]))
            : null;
        var branch = pullRequest is not null
            ? pullRequest.SourceBranch
            : Refs.BranchName(environment["bamboo_planRepository_branchName"]
                ?? environment["bamboo_planRepository_branch"]
                ?? environment["bamboo_planRepository_1_branchName"]);
        return new BuildIdentity
        {
            Host = Name,
            Ref = Refs.Compose(branch, null, pullRequest?.Number),
            Branch = branch,
            Commit = environment["bamboo_planRepository_revision"] ?? environment["bamboo_planRepository_1_revision"],
            PullRequest = pullRequest,
            BuildNumber = environment["bamboo_buildNumber"],
            BuildId = environment["bamboo_buildResultKey"],
            BuildUrl = environment["bamboo_buildResultsUrl"] ?? environment["bamboo_resultsUrl"],
        };
    }
}
