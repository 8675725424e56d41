namespace Pipeline.Hosts.Vendors;

/// <summary>
/// Woodpecker CI, Drone's fork and the same host under other variable names: nothing to talk back to; steps
/// share the workspace, secrets are masked as declared, and uploads are done by plugins.
/// Variables: https://woodpecker-ci.org/docs/usage/environment
/// </summary>
internal sealed class Woodpecker() : CiHost(Description)
{
    internal static HostDescriptor Description { get; } = Drone.Description with
    {
        Name = "woodpecker",
        DisplayName = "Woodpecker CI",

        // Woodpecker says CI=woodpecker rather than CI=true.
        Detection = new() { AllOf = [VariableTest.Is("CI", "woodpecker")] },

        // CI_COMMIT_BRANCH equals the target branch for pull requests; CI_COMMIT_SOURCE_BRANCH,
        // CI_COMMIT_TARGET_BRANCH and CI_COMMIT_PULL_REQUEST are set only for pull request events; CI_COMMIT_TAG
        // only for tag events. There is no build id apart from the pipeline number.
        Identity = new()
        {
            Ref = "CI_COMMIT_REF",
            PullRequest = [new("CI_COMMIT_PULL_REQUEST")],
            SourceBranch = [new("CI_COMMIT_SOURCE_BRANCH")],
            TargetBranch = [new("CI_COMMIT_TARGET_BRANCH"), new("CI_COMMIT_BRANCH")],
            Tag = [new("CI_COMMIT_TAG")],
            Branch = [new("CI_COMMIT_BRANCH")],
            Commit = [new("CI_COMMIT_SHA")],
            BuildNumber = [new("CI_PIPELINE_NUMBER")],
            BuildUrl = [new("CI_PIPELINE_URL")],
        },
        DefaultBranchVariable = "CI_REPO_DEFAULT_BRANCH",

        // No actor is read (Drone's DRONE_BUILD_TRIGGER has no counterpart here yet).
        ActorVariables = [],
        TriggeringActorVariables = [],
    };
}
