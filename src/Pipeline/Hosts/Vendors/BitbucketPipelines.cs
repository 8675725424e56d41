namespace Pipeline.Hosts.Vendors;

/// <summary>
/// Bitbucket Pipelines: no log protocol; step outputs through variable sharing. File and line annotations
/// exist only as Code Insights reports posted to a REST API, which Pipeline does not do; secured variables,
/// artifacts (<c>artifacts:</c>) and deployment gates (<c>trigger: manual</c>, deployment permissions) are
/// declared in <c>bitbucket-pipelines.yml</c>.
/// </summary>
public sealed class BitbucketPipelines : CiHost
{
    public override string Name => "bitbucket";

    public override string DisplayName => "Bitbucket Pipelines";

    public override IReadOnlyDictionary<HostCapability, CapabilitySupport> Capabilities { get; } = Table(
        (HostCapability.Groups, CapabilitySupport.None),
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
        return environment.Has("BITBUCKET_BUILD_NUMBER") || environment.Has("BITBUCKET_PIPELINE_UUID");
    }

    // Names come without refs/: BITBUCKET_BRANCH (the source branch, also in a pull request pipeline; unset
    // for tags), BITBUCKET_TAG, BITBUCKET_PR_ID and BITBUCKET_PR_DESTINATION_BRANCH. The build number is unique
    // across branches (a re-run gets a new one) and the pipeline UUID identifies the run. The run's page is
    // https://bitbucket.org/<workspace>/<repo>/pipelines/results/<build number> (env-ci's older form,
    // addon/pipelines/home#!/results/<n>, now redirects there).
    public override BuildIdentity ReadIdentity(HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var pullRequest = environment["BITBUCKET_PR_ID"] is { } number
            ? new PullRequest(number, environment["BITBUCKET_BRANCH"], environment["BITBUCKET_PR_DESTINATION_BRANCH"])
            : null;
        var tag = pullRequest is null ? environment["BITBUCKET_TAG"] : null;
        var branch = pullRequest is not null ? pullRequest.SourceBranch : tag is null ? environment["BITBUCKET_BRANCH"] : null;
        var repository = environment["BITBUCKET_REPO_FULL_NAME"];
        var buildNumber = environment["BITBUCKET_BUILD_NUMBER"];
        return new BuildIdentity
        {
            Host = Name,
            Ref = Refs.Compose(branch, tag, pullRequest?.Number),
            Branch = branch,
            Tag = tag,
            Commit = environment["BITBUCKET_COMMIT"],
            PullRequest = pullRequest,
            BuildNumber = buildNumber,
            BuildId = environment["BITBUCKET_PIPELINE_UUID"],
            BuildUrl = repository is not null && buildNumber is not null
                ? $"https://bitbucket.org/{repository}/pipelines/results/{buildNumber}"
                : null,
        };
    }

    // Variable sharing: KEY=VALUE lines appended to $BITBUCKET_PIPELINES_VARIABLES_PATH reach later steps as
    // environment variables, for the names the step lists under output-variables: in the YAML.
    public override IEnumerable<HostEffect> SetOutputs(IReadOnlyList<KeyValuePair<string, string>> outputs, HostEnvironment environment) =>
        environment?["BITBUCKET_PIPELINES_VARIABLES_PATH"] is { } path
            ? HostText.DotEnvEffects(path, outputs, DisplayName)
            : [];
}
