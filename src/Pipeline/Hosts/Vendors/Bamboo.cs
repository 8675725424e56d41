using static Pipeline.Hosts.HostCapability;

namespace Pipeline.Hosts.Vendors;

/// <summary>
/// Bamboo: nothing to talk back to at run time. Password variables are masked, values reach later stages
/// through an "Inject Bamboo variables" task reading a key=value file, artifacts are artifact definitions and
/// a person approves by running a manual stage: all of it plan configuration.
/// </summary>
internal sealed class Bamboo() : CiHost(Description)
{
    internal static HostDescriptor Description { get; } = new()
    {
        Name = "bamboo",
        DisplayName = "Bamboo",

        // Bamboo variables reach scripts as bamboo_<name with dots as underscores>; no CI variable is set.
        Detection = new() { AnyOf = [VariableTest.IsSet("bamboo_agentId"), VariableTest.IsSet("bamboo_planKey")] },

        // The plan repository's branch and revision; Bamboo has no tag variable (git fills that in). Plan branches
        // created for a pull request (Bamboo 6.9+) carry bamboo_repository_pr_key / _sourceBranch / _targetBranch:
        // not in the variables page of the docs, but confirmed by danger-js's Bamboo source and by published
        // variable dumps, where the branches can come as refs/heads/… and are shortened here.
        Identity = new()
        {
            PullRequest = [new("bamboo_repository_pr_key")],
            SourceBranch = [new("bamboo_repository_pr_sourceBranch", ValueForm.BranchOfRef)],
            TargetBranch = [new("bamboo_repository_pr_targetBranch", ValueForm.BranchOfRef)],
            Branch =
            [
                new("bamboo_planRepository_branchName", ValueForm.BranchOfRef),
                new("bamboo_planRepository_branch", ValueForm.BranchOfRef),
                new("bamboo_planRepository_1_branchName", ValueForm.BranchOfRef),
            ],
            Commit = [new("bamboo_planRepository_revision"), new("bamboo_planRepository_1_revision")],
            BuildNumber = [new("bamboo_buildNumber")],
            BuildId = [new("bamboo_buildResultKey")],
            BuildUrl = [new("bamboo_buildResultsUrl"), new("bamboo_resultsUrl")],
        },
        Capabilities = CapabilityTable.Of(configurationOnly: [Masking, Outputs, Artifacts, Approvals]),
        ActorVariables = ["bamboo_ManualBuildTriggerReason_userName"],
        TriggeringActorVariables = ["bamboo_ManualBuildTriggerReason_userName"],
    };
}
