using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;

namespace Pipeline.Tests.Hosts;

public sealed class BitbucketPipelinesTests
{
    // Values in the style of Bitbucket's default variables.
    private static readonly string[] Common =
    [
        "CI=true",
        "BITBUCKET_BUILD_NUMBER=57",
        "BITBUCKET_PIPELINE_UUID={1c7e8a0e-3d2b-4f5a-9c6d-7e8f9a0b1c2d}",
        "BITBUCKET_WORKSPACE=acme",
        "BITBUCKET_REPO_SLUG=app",
        "BITBUCKET_REPO_FULL_NAME=acme/app",
        "BITBUCKET_CLONE_DIR=/opt/atlassian/pipelines/agent/build",
        "BITBUCKET_COMMIT=3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d",
    ];

    private static readonly BitbucketPipelines Host = new();

    // Branch names come without refs/.
    internal static HostEnvironment BranchBuild() => Env.Of([.. Common, "BITBUCKET_BRANCH=main"]);

    internal static HostEnvironment TagBuild() => Env.Of([.. Common, "BITBUCKET_TAG=v1.2.0"]);

    internal static HostEnvironment PullRequestBuild() => Env.Of([.. Common, "BITBUCKET_BRANCH=feature/login", "BITBUCKET_PR_ID=42", "BITBUCKET_PR_DESTINATION_BRANCH=main"]);

    private static BuildIdentity Expected(string reference, string? branch, string? tag = null, PullRequest? pullRequest = null) => new()
    {
        Host = "bitbucket",
        Ref = reference,
        Branch = branch,
        Tag = tag,
        Commit = "3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d",
        PullRequest = pullRequest,
        BuildNumber = "57",
        BuildId = "{1c7e8a0e-3d2b-4f5a-9c6d-7e8f9a0b1c2d}",
        BuildUrl = "https://bitbucket.org/acme/app/pipelines/results/57",
    };

    [Fact]
    public void Branch_build_adds_refs_heads() => Assert.Equal(Expected("refs/heads/main", "main"), Host.ReadIdentity(BranchBuild()));

    [Fact]
    public void Tag_build_has_no_branch() => Assert.Equal(Expected("refs/tags/v1.2.0", null, tag: "v1.2.0"), Host.ReadIdentity(TagBuild()));

    [Fact]
    public void Pull_request_build() =>
        Assert.Equal(
            Expected("refs/pull/42/merge", "feature/login", pullRequest: new PullRequest("42", "feature/login", "main")),
            Host.ReadIdentity(PullRequestBuild()));

    [Fact]
    public void Outputs_are_shared_variables_when_the_step_can_share_them()
    {
        var environment = Env.Of([.. Common, "BITBUCKET_BRANCH=main", "BITBUCKET_PIPELINES_VARIABLES_PATH=/opt/atlassian/pipelines/agent/tmp/variables.env"]);
        Assert.Equal(
            [new AppendToFile("/opt/atlassian/pipelines/agent/tmp/variables.env", "VERSION=1.2.0-beta.4\nPACKAGE_PATH=artifacts/packages/App.1.2.0-beta.4.nupkg\n")],
            Host.SetOutputs(Samples.Outputs, environment));
        Assert.Empty(Host.SetOutputs(Samples.Outputs, BranchBuild()));
    }

    [Fact]
    public void Nothing_else_is_runtime()
    {
        Assert.Empty(Host.BeginGroup("Compile"));
        Assert.Empty(Host.Annotate(Samples.Error));
        Assert.Empty(Host.RegisterSecret("s3cr3t"));
        Assert.Empty(Host.PublishSummary("# Build", "/opt/atlassian/pipelines/agent/build/artifacts/summary.md", BranchBuild()));
        Assert.Empty(Host.PublishArtifact("artifacts/packages"));
        Assert.Empty(Host.SetBuildNumber("1.2.0"));
    }
}
