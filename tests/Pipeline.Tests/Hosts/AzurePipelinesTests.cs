using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;

namespace Pipeline.Tests.Hosts;

public sealed class AzurePipelinesTests
{
    // Values in the style of the predefined variables reference (Build.SourceBranch, Build.BuildNumber …).
    private static readonly string[] Common =
    [
        "TF_BUILD=True",
        "AGENT_NAME=Azure Pipelines 3",
        "BUILD_BUILDID=1234",
        "BUILD_BUILDNUMBER=20240315.3",
        "BUILD_BUILDURI=vstfs:///Build/Build/1234",
        "BUILD_SOURCEVERSION=4ec3cd3b4d2b8a4e1a5e5b9d0f4c1c2a3b4c5d6e",
        "SYSTEM_COLLECTIONURI=https://dev.azure.com/fabrikam/",
        "SYSTEM_TEAMPROJECT=Fabrikam Fiber",
    ];

    private static readonly AzurePipelines Host = new();

    // Build.SourceBranchName is only the last segment: "login", not "feature/login".
    internal static HostEnvironment BranchBuild() => Env.Of([.. Common, "BUILD_REASON=IndividualCI", "BUILD_SOURCEBRANCH=refs/heads/feature/login", "BUILD_SOURCEBRANCHNAME=login"]);

    internal static HostEnvironment TagBuild() => Env.Of([.. Common, "BUILD_REASON=IndividualCI", "BUILD_SOURCEBRANCH=refs/tags/v1.2.0", "BUILD_SOURCEBRANCHNAME=v1.2.0"]);

    // A GitHub pull request: PullRequestId is GitHub's internal id, PullRequestNumber the number; branches short.
    internal static HostEnvironment PullRequestBuild() => Env.Of(
    [
        .. Common,
        "BUILD_REASON=PullRequest",
        "BUILD_SOURCEBRANCH=refs/pull/42/merge",
        "BUILD_SOURCEBRANCHNAME=merge",
        "SYSTEM_PULLREQUEST_PULLREQUESTID=1652305847",
        "SYSTEM_PULLREQUEST_PULLREQUESTNUMBER=42",
        "SYSTEM_PULLREQUEST_SOURCEBRANCH=feature/login",
        "SYSTEM_PULLREQUEST_TARGETBRANCH=main",
    ]);

    private static BuildIdentity Expected(string reference, string? branch, string? tag = null, PullRequest? pullRequest = null) => new()
    {
        Host = "azure-pipelines",
        Ref = reference,
        Branch = branch,
        Tag = tag,
        Commit = "4ec3cd3b4d2b8a4e1a5e5b9d0f4c1c2a3b4c5d6e",
        PullRequest = pullRequest,
        BuildNumber = "20240315.3",
        BuildId = "1234",
        BuildUrl = "https://dev.azure.com/fabrikam/Fabrikam%20Fiber/_build/results?buildId=1234",
    };

    [Fact]
    public void Branch_build_keeps_the_whole_branch_name() =>
        Assert.Equal(Expected("refs/heads/feature/login", "feature/login"), Host.ReadIdentity(BranchBuild()));

    [Fact]
    public void Tag_build_has_no_branch() =>
        Assert.Equal(Expected("refs/tags/v1.2.0", null, tag: "v1.2.0"), Host.ReadIdentity(TagBuild()));

    [Fact]
    public void GitHub_pull_request_uses_the_number_not_the_id() =>
        Assert.Equal(
            Expected("refs/pull/42/merge", "feature/login", pullRequest: new PullRequest("42", "feature/login", "main")),
            Host.ReadIdentity(PullRequestBuild()));

    [Fact]
    public void Azure_Repos_pull_request_uses_its_id_and_shortens_full_branch_refs()
    {
        var environment = Env.Of(
        [
            .. Common,
            "BUILD_REASON=PullRequest",
            "BUILD_SOURCEBRANCH=refs/pull/17/merge",
            "SYSTEM_PULLREQUEST_PULLREQUESTID=17",
            "SYSTEM_PULLREQUEST_SOURCEBRANCH=refs/heads/feature/login",
            "SYSTEM_PULLREQUEST_TARGETBRANCH=refs/heads/main",
        ]);
        Assert.Equal(
            Expected("refs/pull/17/merge", "feature/login", pullRequest: new PullRequest("17", "feature/login", "main")),
            Host.ReadIdentity(environment));
    }

    [Fact]
    public void Groups_are_formatting_commands() =>
        Assert.Equal(["##[group]Compile", "##[endgroup]"], [.. Host.BeginGroup("Compile").Printed(), .. Host.EndGroup("Compile").Printed()]);

    [Fact]
    public void Error_annotation_is_a_logissue_with_source_line_and_column() =>
        Assert.Equal(
            ["##vso[task.logissue type=error;sourcepath=src/App/Program.cs;linenumber=12;columnnumber=5]Build failed: CS0103: The name 'x' does not exist"],
            Host.Annotate(Samples.Error).Printed());

    [Fact]
    public void Warning_annotation_escapes_the_message_and_properties() =>
        Assert.Equal(
            ["##vso[task.logissue type=warning;sourcepath=a%3Bb%5D.cs]100%AZP25 done%0D%0Anext]"],
            Host.Annotate(new Annotation(AnnotationLevel.Warning, "100% done\r\nnext]", "a;b].cs")).Printed());

    [Fact]
    public void Secret_is_registered_raw_with_setsecret()
    {
        Assert.Equal([new PrintLine("##vso[task.setsecret]s3cr3t", Raw: true)], Host.RegisterSecret("s3cr3t"));
        Assert.Equal(
            [new PrintLine("##vso[task.setsecret]-----BEGIN KEY-----%0Aabc123", Raw: true), new PrintLine("##vso[task.setsecret]-----BEGIN KEY-----", Raw: true), new PrintLine("##vso[task.setsecret]abc123", Raw: true)],
            Host.RegisterSecret("-----BEGIN KEY-----\nabc123"));
    }

    [Fact]
    public void Summary_file_is_uploaded_by_its_absolute_path() =>
        Assert.Equal(
            ["##vso[task.uploadsummary]/home/vsts/work/1/s/artifacts/summary.md"],
            Host.PublishSummary("# Build", "/home/vsts/work/1/s/artifacts/summary.md", BranchBuild()).Printed());

    [Fact]
    public void Outputs_are_output_variables() =>
        Assert.Equal(
            ["##vso[task.setvariable variable=VERSION;isoutput=true]1.2.0-beta.4", "##vso[task.setvariable variable=PACKAGE_PATH;isoutput=true]artifacts/packages/App.1.2.0-beta.4.nupkg"],
            Host.SetOutputs(Samples.Outputs, BranchBuild()).Printed());

    [Fact]
    public void Artifact_is_uploaded_into_the_pipeline_artifact() =>
        Assert.Equal(
            ["##vso[artifact.upload containerfolder=pipeline;artifactname=pipeline]/home/vsts/work/1/s/artifacts/packages"],
            Host.PublishArtifact("/home/vsts/work/1/s/artifacts/packages").Printed());

    [Fact]
    public void Build_number_is_updated() =>
        Assert.Equal(["##vso[build.updatebuildnumber]1.2.0-beta.4"], Host.SetBuildNumber("1.2.0-beta.4").Printed());
}
