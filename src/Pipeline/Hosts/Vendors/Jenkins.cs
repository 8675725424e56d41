namespace Pipeline.Hosts.Vendors;

/// <summary>
/// Jenkins: no console protocol at all. Stages, <c>unstable</c>/Warnings NG, credential masking, build
/// descriptions, reading outputs back (<c>readProperties</c>), <c>archiveArtifacts</c>, the display name and
/// <c>input</c> approvals all live in the Jenkinsfile, so every capability is configuration only.
/// </summary>
internal sealed class Jenkins() : CiHost(Description)
{
    internal static HostDescriptor Description { get; } = new()
    {
        Name = "jenkins",
        DisplayName = "Jenkins",

        // JENKINS_URL alone is set on many machines that merely talk to a Jenkins; a build also has BUILD_ID.
        Detection = new() { AllOf = [VariableTest.IsSet("JENKINS_URL"), VariableTest.IsSet("BUILD_ID")] },

        // Multibranch pipelines: BRANCH_NAME is the branch, the tag (with TAG_NAME) or "PR-24" (with CHANGE_ID,
        // CHANGE_BRANCH and CHANGE_TARGET). Other jobs only have the git plugin's GIT_BRANCH, as origin/main.
        Identity = new()
        {
            PullRequest = [new("CHANGE_ID")],
            SourceBranch = [new("CHANGE_BRANCH")],
            TargetBranch = [new("CHANGE_TARGET")],
            Tag = [new("TAG_NAME")],
            Branch = [new("BRANCH_NAME"), new("GIT_LOCAL_BRANCH"), new("GIT_BRANCH", ValueForm.RemoteBranch)],
            Commit = [new("GIT_COMMIT")],
            BuildNumber = [new("BUILD_NUMBER")],
            BuildId = [new("BUILD_ID")],
            BuildUrl = [new("BUILD_URL")],
        },
        Capabilities = CapabilityTable.Of(configurationOnly: Enum.GetValues<HostCapability>()),

        // Set by the Build User Vars plugin.
        ActorVariables = ["BUILD_USER_EMAIL", "BUILD_USER_ID"],
        TriggeringActorVariables = ["BUILD_USER_EMAIL", "BUILD_USER_ID"],
    };
}
