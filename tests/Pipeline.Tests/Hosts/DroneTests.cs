using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;

namespace Pipeline.Tests.Hosts;

public sealed class DroneTests
{
    // Values as in Drone's environment reference pages (DRONE_BUILD_LINK, DRONE_COMMIT_REF …).
    private static readonly string[] Common =
    [
        "CI=true",
        "DRONE=true",
        "DRONE_REPO=octocat/hello-world",
        "DRONE_COMMIT_SHA=bcdd4bf0245c82c060407b3b24b9b87301d15ac1",
        "DRONE_BUILD_NUMBER=42",
        "DRONE_BUILD_LINK=https://drone.company.com/octocat/hello-world/42",
    ];

    private static readonly Drone Host = new();

    internal static HostEnvironment BranchBuild() => Env.Of([.. Common, "DRONE_BUILD_EVENT=push", "DRONE_BRANCH=master", "DRONE_COMMIT_BRANCH=master", "DRONE_COMMIT_REF=refs/heads/master", "DRONE_SOURCE_BRANCH=master", "DRONE_TARGET_BRANCH=master"]);

    // DRONE_BRANCH may still name a branch in a tag build.
    internal static HostEnvironment TagBuild() => Env.Of([.. Common, "DRONE_BUILD_EVENT=tag", "DRONE_TAG=v1.0.0", "DRONE_BRANCH=master", "DRONE_COMMIT_REF=refs/tags/v1.0.0"]);

    // DRONE_BRANCH is the target of a pull request.
    internal static HostEnvironment PullRequestBuild() => Env.Of([.. Common, "DRONE_BUILD_EVENT=pull_request", "DRONE_PULL_REQUEST=42", "DRONE_BRANCH=master", "DRONE_COMMIT_BRANCH=master", "DRONE_SOURCE_BRANCH=feature/develop", "DRONE_TARGET_BRANCH=master", "DRONE_COMMIT_REF=refs/pull/42/head"]);

    private static BuildIdentity Expected(string reference, string? branch, string? tag = null, PullRequest? pullRequest = null) => new()
    {
        Host = "drone",
        Ref = reference,
        Branch = branch,
        Tag = tag,
        Commit = "bcdd4bf0245c82c060407b3b24b9b87301d15ac1",
        PullRequest = pullRequest,
        BuildNumber = "42",
        BuildUrl = "https://drone.company.com/octocat/hello-world/42",
    };

    [Fact]
    public void Branch_build() => Assert.Equal(Expected("refs/heads/master", "master"), Host.ReadIdentity(BranchBuild()));

    [Fact]
    public void Tag_build_has_no_branch() => Assert.Equal(Expected("refs/tags/v1.0.0", null, tag: "v1.0.0"), Host.ReadIdentity(TagBuild()));

    [Fact]
    public void Pull_request_branch_is_the_source_not_DRONE_BRANCH() =>
        Assert.Equal(
            Expected("refs/pull/42/merge", "feature/develop", pullRequest: new PullRequest("42", "feature/develop", "master")),
            Host.ReadIdentity(PullRequestBuild()));

    [Fact]
    public void Nothing_is_runtime()
    {
        Assert.Empty(Host.BeginGroup("Compile"));
        Assert.Empty(Host.Annotate(Samples.Error));
        Assert.Empty(Host.RegisterSecret("s3cr3t"));
        Assert.Empty(Host.PublishSummary("# Build", "/drone/src/artifacts/summary.md", BranchBuild()));
        Assert.Empty(Host.SetOutputs(Samples.Outputs, BranchBuild()));
        Assert.Empty(Host.PublishArtifact("artifacts/packages"));
        Assert.Empty(Host.SetBuildNumber("1.2.0"));
    }
}
