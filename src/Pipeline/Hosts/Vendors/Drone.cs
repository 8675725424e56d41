using static Pipeline.Hosts.HostCapability;

namespace Pipeline.Hosts.Vendors;

/// <summary>
/// Drone: nothing to talk back to. Steps share the workspace (files are the outputs), secrets are masked as
/// declared, and uploads are done by plugins. Woodpecker, its fork, differs only in variable names.
/// </summary>
internal sealed class Drone() : CiHost(Description)
{
    internal static HostDescriptor Description { get; } = new()
    {
        Name = "drone",
        DisplayName = "Drone",

        // Woodpecker began as a fork of Drone; a run that says CI=woodpecker is Woodpecker's.
        Detection = new() { AllOf = [VariableTest.IsTrue("DRONE")], NoneOf = [VariableTest.Is("CI", "woodpecker")] },

        // DRONE_BRANCH (= DRONE_COMMIT_BRANCH) is the *target* branch of a pull request and may be empty for a
        // tag; DRONE_SOURCE_BRANCH / DRONE_TARGET_BRANCH name both sides; DRONE_COMMIT_REF is the full ref.
        Identity = new()
        {
            Ref = "DRONE_COMMIT_REF",
            PullRequest = [new("DRONE_PULL_REQUEST")],
            SourceBranch = [new("DRONE_SOURCE_BRANCH")],
            TargetBranch = [new("DRONE_TARGET_BRANCH"), new("DRONE_BRANCH")],
            Tag = [new("DRONE_TAG")],
            Branch = [new("DRONE_BRANCH")],
            Commit = [new("DRONE_COMMIT_SHA")],
            BuildNumber = [new("DRONE_BUILD_NUMBER")],
            BuildUrl = [new("DRONE_BUILD_LINK")],
        },
        DefaultBranchVariable = "DRONE_REPO_BRANCH",
        Capabilities = CapabilityTable.Of(configurationOnly: [Masking]),
        ActorVariables = ["DRONE_BUILD_TRIGGER"],
        TriggeringActorVariables = ["DRONE_BUILD_TRIGGER"],
    };
}
