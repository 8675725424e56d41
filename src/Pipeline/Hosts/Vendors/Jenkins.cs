namespace Pipeline.Hosts.Vendors;

/// <summary>
/// Jenkins: no console protocol at all. Stages, <c>unstable</c>/Warnings NG, credential masking, build
/// descriptions, reading outputs back (<c>readProperties</c>), <c>archiveArtifacts</c>, the display name and
/// <c>input</c> approvals all live in the Jenkinsfile, so every capability is configuration only.
/// </summary>
public sealed class Jenkins : CiHost
{
    public override string Name => "jenkins";

    public override string DisplayName => "Jenkins";

    public override IReadOnlyDictionary<HostCapability, CapabilitySupport> Capabilities { get; } = Table(
        (HostCapability.Groups, CapabilitySupport.ConfigurationOnly),
        (HostCapability.Annotations, CapabilitySupport.ConfigurationOnly),
        (HostCapability.Masking, CapabilitySupport.ConfigurationOnly),
        (HostCapability.JobSummary, CapabilitySupport.ConfigurationOnly),
        (HostCapability.Outputs, CapabilitySupport.ConfigurationOnly),
        (HostCapability.Artifacts, CapabilitySupport.ConfigurationOnly),
        (HostCapability.BuildNumber, CapabilitySupport.ConfigurationOnly),
        (HostCapability.Approvals, CapabilitySupport.ConfigurationOnly));

    // JENKINS_URL alone is set on many machines that merely talk to a Jenkins; a build also has BUILD_ID.
    public override bool IsPresent(HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.Has("JENKINS_URL") && environment.Has("BUILD_ID");
    }

    // Multibranch pipelines: BRANCH_NAME is the branch, the tag (with TAG_NAME) or "PR-24" (with CHANGE_ID,
    // CHANGE_BRANCH and CHANGE_TARGET). Other jobs only have the git plugin's GIT_BRANCH, as origin/main.
    public override BuildIdentity ReadIdentity(HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var pullRequest = environment["CHANGE_ID"] is { } number
            ? new PullRequest(number, environment["CHANGE_BRANCH"], environment["CHANGE_TARGET"])
            : null;
        var tag = pullRequest is null ? environment["TAG_NAME"] : null;
        var branch = pullRequest is not null
            ? pullRequest.SourceBranch
            : tag is null ? environment["BRANCH_NAME"] ?? environment["GIT_LOCAL_BRANCH"] ?? RemoteBranch(environment["GIT_BRANCH"]) : null;
        return new BuildIdentity
        {
            Host = Name,
            Ref = Refs.Compose(branch, tag, pullRequest?.Number),
            Branch = branch,
            Tag = tag,
            Commit = environment["GIT_COMMIT"],
            PullRequest = pullRequest,
            BuildNumber = environment["BUILD_NUMBER"],
            BuildId = environment["BUILD_ID"],
            BuildUrl = environment["BUILD_URL"],
        };
    }

    /// <summary><c>origin/feature/x</c> (or <c>refs/remotes/origin/feature/x</c>) as <c>feature/x</c>.</summary>
    private static string? RemoteBranch(string? name)
    {
        foreach (var prefix in new[] { "refs/remotes/origin/", "remotes/origin/", "origin/" })
        {
            if (name is not null && name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return name[prefix.Length..];
            }
        }

        return Refs.BranchName(name);
    }
}
