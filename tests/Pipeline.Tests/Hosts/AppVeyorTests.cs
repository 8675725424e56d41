using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;

namespace Pipeline.Tests.Hosts;

public sealed class AppVeyorTests
{
    // Values in the style of AppVeyor's environment variables page.
    private static readonly string[] Common =
    [
        "APPVEYOR_URL=https://ci.appveyor.com",
        "APPVEYOR_ACCOUNT_NAME=acme",
        "APPVEYOR_PROJECT_SLUG=app",
        "APPVEYOR_REPO_NAME=acme/app",
        "APPVEYOR_REPO_COMMIT=5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d",
        "APPVEYOR_BUILD_ID=49811823",
        "APPVEYOR_BUILD_NUMBER=57",
        "APPVEYOR_BUILD_VERSION=1.0.57",
    ];

    private static readonly AppVeyor Host = new();

    // Windows images say True.
    internal static HostEnvironment BranchBuild() => Env.Of([.. Common, "APPVEYOR=True", "CI=True", "APPVEYOR_REPO_BRANCH=main", "APPVEYOR_REPO_TAG=false"]);

    // Ubuntu images say true; APPVEYOR_REPO_BRANCH holds the tag's name.
    internal static HostEnvironment TagBuild() => Env.Of([.. Common, "APPVEYOR=true", "CI=true", "APPVEYOR_REPO_BRANCH=v1.2.0", "APPVEYOR_REPO_TAG=true", "APPVEYOR_REPO_TAG_NAME=v1.2.0"]);

    // APPVEYOR_REPO_BRANCH is the base branch of a pull request.
    internal static HostEnvironment PullRequestBuild() => Env.Of(
    [
        .. Common,
        "APPVEYOR=True",
        "CI=True",
        "APPVEYOR_REPO_BRANCH=main",
        "APPVEYOR_REPO_TAG=false",
        "APPVEYOR_PULL_REQUEST_NUMBER=42",
        "APPVEYOR_PULL_REQUEST_TITLE=Add login",
        "APPVEYOR_PULL_REQUEST_HEAD_REPO_NAME=contributor/app",
        "APPVEYOR_PULL_REQUEST_HEAD_REPO_BRANCH=feature/login",
        "APPVEYOR_PULL_REQUEST_HEAD_COMMIT=9f8e7d6c5b4a39281706f5e4d3c2b1a098765432",
    ]);

    private static BuildIdentity Expected(string reference, string? branch, string? tag = null, PullRequest? pullRequest = null) => new()
    {
        Host = "appveyor",
        Ref = reference,
        Branch = branch,
        Tag = tag,
        Commit = "5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d",
        PullRequest = pullRequest,
        BuildNumber = "57",
        BuildId = "49811823",
        BuildUrl = "https://ci.appveyor.com/project/acme/app/builds/49811823",
    };

    [Fact]
    public void Branch_build() => Assert.Equal(Expected("refs/heads/main", "main"), Host.ReadIdentity(BranchBuild()));

    [Fact]
    public void Tag_build_with_lower_case_true_has_no_branch() =>
        Assert.Equal(Expected("refs/tags/v1.2.0", null, tag: "v1.2.0"), Host.ReadIdentity(TagBuild()));

    [Fact]
    public void Pull_request_source_is_the_head_branch_and_the_target_the_repo_branch() =>
        Assert.Equal(
            Expected("refs/pull/42/merge", "feature/login", pullRequest: new PullRequest("42", "feature/login", "main")),
            Host.ReadIdentity(PullRequestBuild()));

    [Fact]
    public void Error_annotation_is_a_compilation_message_with_the_documented_options() =>
        Assert.Equal(
            [new RunCommand("appveyor", ["AddCompilationMessage", "Build failed: CS0103: The name 'x' does not exist", "-Category", "Error", "-FileName", "src/App/Program.cs", "-Line", "12", "-Column", "5"])],
            Host.Annotate(Samples.Error),
            EffectComparer.Instance);

    [Fact]
    public void Warning_annotation_without_location() =>
        Assert.Equal(
            [new RunCommand("appveyor", ["AddCompilationMessage", "Package is deprecated", "-Category", "Warning"])],
            Host.Annotate(Samples.Warning),
            EffectComparer.Instance);

    [Fact]
    public void Outputs_artifacts_and_version_use_the_appveyor_command()
    {
        Assert.Equal(
            [new RunCommand("appveyor", ["SetVariable", "-Name", "VERSION", "-Value", "1.2.0-beta.4"]), new RunCommand("appveyor", ["SetVariable", "-Name", "PACKAGE_PATH", "-Value", "artifacts/packages/App.1.2.0-beta.4.nupkg"])],
            Host.SetOutputs(Samples.Outputs, BranchBuild()),
            EffectComparer.Instance);
        Assert.Equal([new RunCommand("appveyor", ["PushArtifact", "C:\\projects\\app\\artifacts\\App.1.2.0.nupkg"])], Host.PublishArtifact("C:\\projects\\app\\artifacts\\App.1.2.0.nupkg"), EffectComparer.Instance);
        Assert.Equal([new RunCommand("appveyor", ["UpdateBuild", "-Version", "1.2.0-beta.4+57"])], Host.SetBuildNumber("1.2.0-beta.4+57"), EffectComparer.Instance);
    }

    [Fact]
    public void Groups_secrets_and_summary_are_not_runtime()
    {
        Assert.Empty(Host.BeginGroup("Compile"));
        Assert.Empty(Host.EndGroup("Compile"));
        Assert.Empty(Host.RegisterSecret("s3cr3t"));
        Assert.Empty(Host.PublishSummary("# Build", "C:\\projects\\app\\artifacts\\summary.md", BranchBuild()));
    }
}
