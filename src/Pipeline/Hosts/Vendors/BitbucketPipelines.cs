using static Pipeline.Hosts.HostCapability;

namespace Pipeline.Hosts.Vendors;

/// <summary>
/// Bitbucket Pipelines: no log protocol; step outputs through variable sharing. File and line annotations
/// exist only as Code Insights reports posted to a REST API, which Pipeline does not do; secured variables,
/// artifacts (<c>artifacts:</c>) and deployment gates (<c>trigger: manual</c>, deployment permissions) are
/// declared in <c>bitbucket-pipelines.yml</c>.
/// </summary>
internal sealed class BitbucketPipelines() : CiHost(Description)
{
    internal static HostDescriptor Description { get; } = new()
    {
        Name = "bitbucket",
        DisplayName = "Bitbucket Pipelines",
        Detection = new() { AnyOf = [VariableTest.IsSet("BITBUCKET_BUILD_NUMBER"), VariableTest.IsSet("BITBUCKET_PIPELINE_UUID")] },

        // Names come without refs/: BITBUCKET_BRANCH (the source branch, also in a pull request pipeline; unset
        // for tags), BITBUCKET_TAG, BITBUCKET_PR_ID and BITBUCKET_PR_DESTINATION_BRANCH. The build number is unique
        // across branches (a re-run gets a new one) and the pipeline UUID identifies the run. The run's page is
        // https://bitbucket.org/<workspace>/<repo>/pipelines/results/<build number> (env-ci's older form,
        // addon/pipelines/home#!/results/<n>, now redirects there).
        Identity = new()
        {
            PullRequest = [new("BITBUCKET_PR_ID")],
            SourceBranch = [new("BITBUCKET_BRANCH")],
            TargetBranch = [new("BITBUCKET_PR_DESTINATION_BRANCH")],
            Tag = [new("BITBUCKET_TAG")],
            Branch = [new("BITBUCKET_BRANCH")],
            Commit = [new("BITBUCKET_COMMIT")],
            BuildNumber = [new("BITBUCKET_BUILD_NUMBER")],
            BuildId = [new("BITBUCKET_PIPELINE_UUID")],
            BuildUrlTemplate = new("https://bitbucket.org/{BITBUCKET_REPO_FULL_NAME}/pipelines/results/{BITBUCKET_BUILD_NUMBER}"),
        },
        Capabilities = CapabilityTable.Of(runtime: [Outputs], configurationOnly: [Masking, Artifacts, Approvals]),
        ActorVariables = ["BITBUCKET_STEP_TRIGGERER_UUID"],
        TriggeringActorVariables = ["BITBUCKET_STEP_TRIGGERER_UUID"],
    };

    // Variable sharing: KEY=VALUE lines appended to $BITBUCKET_PIPELINES_VARIABLES_PATH reach later steps as
    // environment variables, for the names the step lists under output-variables: in the YAML.
    internal override IEnumerable<HostEffect> SetOutputs(IReadOnlyList<KeyValuePair<string, string>> outputs, HostEnvironment environment) =>
        environment?["BITBUCKET_PIPELINES_VARIABLES_PATH"] is { } path
            ? HostText.DotEnvEffects(path, outputs, DisplayName)
            : [];
}
