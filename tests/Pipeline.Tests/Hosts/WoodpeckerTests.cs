using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;

namespace Pipeline.Tests.Hosts;

public sealed class WoodpeckerTests
{
    // Values as in Woodpecker's built-in environment variables table.
    private static readonly string[] Common =
    [
        "CI=woodpecker",
        "CI_REPO=john-doe/my-repo",
        "CI_REPO_URL=https://git.example.com/john-doe/my-repo",
        "CI_COMMIT_SHA=eba09b46064473a1d345da7abf28b477468e8dbd",
        "CI_PIPELINE_NUMBER=8",
        "CI_PIPELINE_URL=https://ci.example.com/repos/7/pipeline/8",
        "CI_STEP_URL=https://ci.example.com/repos/7/pipeline/8",
    ];

    private static readonly Woodpecker Host = new();

    internal static HostEnvironment BranchBuild() => Env.Of([.. Common, "CI_PIPELINE_EVENT=push", "CI_COMMIT_BRANCH=main", "CI_COMMIT_REF=refs/heads/main"]);

    internal static HostEnvironment TagBuild() => Env.Of([.. Common, "CI_PIPELINE_EVENT=tag", "CI_COMMIT_TAG=v1.10.3", "CI_COMMIT_REF=refs/tags/v1.10.3"]);

    // CI_COMMIT_BRANCH equals the target branch for pull requests.
    internal static HostEnvironment PullRequestBuild() => Env.Of([.. Common, "CI_PIPELINE_EVENT=pull_request", "CI_COMMIT_BRANCH=main", "CI_COMMIT_SOURCE_BRANCH=issue-branch", "CI_COMMIT_TARGET_BRANCH=main", "CI_COMMIT_PULL_REQUEST=1", "CI_COMMIT_REF=refs/pull/1/head", "CI_COMMIT_REFSPEC=issue-branch:main"]);

    private static BuildIdentity Expected(string reference, string? branch, string? tag = null, PullRequest? pullRequest = null) => new()
    {
        Host = "woodpecker",
        Ref = reference,
        Branch = branch,
        Tag = tag,
        Commit = "eba09b46064473a1d345da7abf28b477468e8dbd",
        PullRequest = pullRequest,
        BuildNumber = "8",
        BuildUrl = "https://ci.example.com/repos/7/pipeline/8",
    };

    [Fact]
    public void Branch_build() => Assert.Equal(Expected("refs/heads/main", "main"), Host.ReadIdentity(BranchBuild()));

    [Fact]
    public void Tag_build_has_no_branch() => Assert.Equal(Expected("refs/tags/v1.10.3", null, tag: "v1.10.3"), Host.ReadIdentity(TagBuild()));

    [Fact]
    public void Pull_request_branch_is_the_source_branch() =>
        Assert.Equal(
            Expected("refs/pull/1/merge", "issue-branch", pullRequest: new PullRequest("1", "issue-branch", "main")),
            Host.ReadIdentity(PullRequestBuild()));

    [Fact]
    public void Nothing_is_runtime()
    {
        Assert.Empty(Host.BeginGroup("Compile"));
        Assert.Empty(Host.Annotate(Samples.Error));
        Assert.Empty(Host.RegisterSecret("s3cr3t"));
        Assert.Empty(Host.PublishSummary("# Build", "/woodpecker/src/artifacts/summary.md", BranchBuild()));
        Assert.Empty(Host.SetOutputs(Samples.Outputs, BranchBuild()));
        Assert.Empty(Host.PublishArtifact("artifacts/packages"));
        Assert.Empty(Host.SetBuildNumber("1.2.0"));
    }
}
