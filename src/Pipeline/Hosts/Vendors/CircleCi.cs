using System.Text;

namespace Pipeline.Hosts.Vendors;

/// <summary>
/// CircleCI: no log protocol (each <c>run</c> step of the config is its own section); values for later steps
/// of the same job through <c>$BASH_ENV</c>. Masked project variables, workspaces and <c>store_artifacts</c>,
/// and <c>type: approval</c> jobs are declared in <c>.circleci/config.yml</c>.
/// </summary>
public sealed class CircleCi : CiHost
{
    public override string Name => "circleci";

    public override string DisplayName => "CircleCI";

    public override IReadOnlyDictionary<HostCapability, CapabilitySupport> Capabilities { get; } = Table(
        (HostCapability.Groups, CapabilitySupport.ConfigurationOnly),
        (HostCapability.Annotations, CapabilitySupport.None),
        (HostCapability.Masking, CapabilitySupport.ConfigurationOnly),
        (HostCapability.JobSummary, CapabilitySupport.None),
        (HostCapability.Outputs, CapabilitySupport.Runtime),
        (HostCapability.Artifacts, CapabilitySupport.ConfigurationOnly),
        (HostCapability.BuildNumber, CapabilitySupport.None),
        (HostCapability.Approvals, CapabilitySupport.ConfigurationOnly));

    public override bool IsPresent(HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.IsTrue("CIRCLECI");
    }

    // CIRCLE_BRANCH is unset for a tag (CIRCLE_TAG). A pull request shows only as CIRCLE_PULL_REQUEST, its URL
    // (…/pull/42, or …/merge_requests/42), or CIRCLE_PR_NUMBER on forked pull requests; the target branch is
    // not given. CIRCLE_BUILD_NUM and CIRCLE_BUILD_URL are the *job's*; the pipeline number exists only as
    // << pipeline.number >> in the config. The workflow id identifies the run.
    public override BuildIdentity ReadIdentity(HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var number = environment["CIRCLE_PR_NUMBER"] ?? NumberFromUrl(environment["CIRCLE_PULL_REQUEST"]);
        var pullRequest = number is not null ? new PullRequest(number, environment["CIRCLE_BRANCH"], null) : null;
        var tag = pullRequest is null ? environment["CIRCLE_TAG"] : null;
        var branch = pullRequest is not null ? pullRequest.SourceBranch : tag is null ? environment["CIRCLE_BRANCH"] : null;
        return new BuildIdentity
        {
            Host = Name,
            Ref = Refs.Compose(branch, tag, pullRequest?.Number),
            Branch = branch,
            Tag = tag,
            Commit = environment["CIRCLE_SHA1"],
            PullRequest = pullRequest,
            BuildNumber = environment["CIRCLE_BUILD_NUM"],
            BuildId = environment["CIRCLE_WORKFLOW_ID"],
            BuildUrl = environment["CIRCLE_BUILD_URL"],
        };
    }

    // `export NAME='value'` lines appended to $BASH_ENV, which CircleCI sources before each later step of the
    // job (values for other jobs need a workspace, declared in the config). Names that are not shell variable
    // names are left out: one would break every later step's shell.
    public override IEnumerable<HostEffect> SetOutputs(IReadOnlyList<KeyValuePair<string, string>> outputs, HostEnvironment environment)
    {
        if (environment?["BASH_ENV"] is not { } path || outputs is null)
        {
            return [];
        }

        var text = new StringBuilder();
        foreach (var (name, value) in outputs.Where(o => HostText.IsVariableName(o.Key)))
        {
            text.Append("export ").Append(name).Append("='").Append(value.Replace("'", "'\\''", StringComparison.Ordinal)).Append("'\n");
        }

        return text.Length > 0 ? [new AppendToFile(path, text.ToString())] : [];
    }

    /// <summary>The number at the end of a pull or merge request URL.</summary>
    private static string? NumberFromUrl(string? url)
    {
        var last = url?.TrimEnd('/').Split('/')[^1];
        return last is { Length: > 0 } && last.All(char.IsAsciiDigit) ? last : null;
    }
}
