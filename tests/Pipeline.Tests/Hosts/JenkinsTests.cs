using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;

namespace Pipeline.Tests.Hosts;

public sealed class JenkinsTests
{
    // A multibranch pipeline, in the style of the env-vars.html reference and CloudBees' list.
    private static readonly string[] Common =
    [
        "JENKINS_URL=https://ci.example.com/",
        "JENKINS_HOME=/var/jenkins_home",
        "GIT_COMMIT=8d9c1e3f0b6a4c2d7e5f1a3b9c0d2e4f6a8b0c1d",
    ];

    private static readonly Jenkins Host = new();

    internal static HostEnvironment BranchBuild() => Env.Of([.. Common, "BRANCH_NAME=main", "GIT_BRANCH=main", "BUILD_ID=57", "BUILD_NUMBER=57", "BUILD_URL=https://ci.example.com/job/app/job/main/57/", "JOB_NAME=app/main"]);

    // Tag discovery: BRANCH_NAME is the tag's name too.
    internal static HostEnvironment TagBuild() => Env.Of([.. Common, "BRANCH_NAME=v1.2.0", "TAG_NAME=v1.2.0", "TAG_TIMESTAMP=1710504000000", "BUILD_ID=1", "BUILD_NUMBER=1", "BUILD_URL=https://ci.example.com/job/app/job/v1.2.0/1/", "JOB_NAME=app/v1.2.0"]);

    // A pull request shows as the branch PR-24; the branches are in CHANGE_BRANCH / CHANGE_TARGET.
    internal static HostEnvironment PullRequestBuild() => Env.Of(
    [
        .. Common,
        "BRANCH_NAME=PR-24",
        "CHANGE_ID=24",
        "CHANGE_BRANCH=feature/login",
        "CHANGE_TARGET=main",
        "CHANGE_URL=https://github.com/acme/app/pull/24",
        "BUILD_ID=3",
        "BUILD_NUMBER=3",
        "BUILD_URL=https://ci.example.com/job/app/job/PR-24/3/",
        "JOB_NAME=app/PR-24",
    ]);

    private static BuildIdentity Expected(string reference, string? branch, string number, string url, string? tag = null, PullRequest? pullRequest = null) => new()
    {
        Host = "jenkins",
        Ref = reference,
        Branch = branch,
        Tag = tag,
        Commit = "8d9c1e3f0b6a4c2d7e5f1a3b9c0d2e4f6a8b0c1d",
        PullRequest = pullRequest,
        BuildNumber = number,
        BuildId = number,
        BuildUrl = url,
    };

    [Fact]
    public void Branch_build() =>
        Assert.Equal(Expected("refs/heads/main", "main", "57", "https://ci.example.com/job/app/job/main/57/"), Host.ReadIdentity(BranchBuild()));

    [Fact]
    public void Tag_build_has_no_branch() =>
        Assert.Equal(Expected("refs/tags/v1.2.0", null, "1", "https://ci.example.com/job/app/job/v1.2.0/1/", tag: "v1.2.0"), Host.ReadIdentity(TagBuild()));

    [Fact]
    public void Pull_request_branch_is_the_change_branch_not_PR_24() =>
        Assert.Equal(
            Expected("refs/pull/24/merge", "feature/login", "3", "https://ci.example.com/job/app/job/PR-24/3/", pullRequest: new PullRequest("24", "feature/login", "main")),
            Host.ReadIdentity(PullRequestBuild()));

    [Fact]
    public void Freestyle_job_takes_the_branch_from_the_git_plugin_without_the_remote()
    {
        var environment = Env.Of([.. Common, "GIT_BRANCH=origin/feature/login", "BUILD_ID=9", "BUILD_NUMBER=9", "BUILD_URL=https://ci.example.com/job/app/9/"]);
        Assert.Equal(Expected("refs/heads/feature/login", "feature/login", "9", "https://ci.example.com/job/app/9/"), Host.ReadIdentity(environment));
    }

    [Fact]
    public void Nothing_is_done_at_run_time()
    {
        Assert.Empty(Host.BeginGroup("Compile"));
        Assert.Empty(Host.EndGroup("Compile"));
        Assert.Empty(Host.Annotate(Samples.Error));
        Assert.Empty(Host.RegisterSecret("s3cr3t"));
        Assert.Empty(Host.PublishSummary("# Build", "/var/jenkins_home/workspace/app/artifacts/summary.md", BranchBuild()));
        Assert.Empty(Host.SetOutputs(Samples.Outputs, BranchBuild()));
        Assert.Empty(Host.PublishArtifact("artifacts/packages"));
        Assert.Empty(Host.SetBuildNumber("1.2.0"));
    }
}
