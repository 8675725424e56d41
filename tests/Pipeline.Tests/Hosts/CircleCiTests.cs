using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;

namespace Pipeline.Tests.Hosts;

public sealed class CircleCiTests
{
    // Values in the style of CircleCI's project values and variables reference.
    private static readonly string[] Common =
    [
        "CI=true",
        "CIRCLECI=true",
        "CIRCLE_PROJECT_USERNAME=acme",
        "CIRCLE_PROJECT_REPONAME=app",
        "CIRCLE_SHA1=a1b2c3d4e5f60718293a4b5c6d7e8f9012345678",
        "CIRCLE_BUILD_NUM=1234",
        "CIRCLE_BUILD_URL=https://circleci.com/gh/acme/app/1234",
        "CIRCLE_WORKFLOW_ID=6a1d3e8f-2b4c-4d5e-9f0a-1b2c3d4e5f60",
        "CIRCLE_JOB=build",
    ];

    private static readonly CircleCi Host = new();

    internal static HostEnvironment BranchBuild() => Env.Of([.. Common, "CIRCLE_BRANCH=main"]);

    // CIRCLE_BRANCH is not set for a tag.
    internal static HostEnvironment TagBuild() => Env.Of([.. Common, "CIRCLE_TAG=v1.2.0"]);

    // The number is only in the pull request's URL.
    internal static HostEnvironment PullRequestBuild() => Env.Of([.. Common, "CIRCLE_BRANCH=feature/login", "CIRCLE_PULL_REQUEST=https://github.com/acme/app/pull/42", "CIRCLE_PULL_REQUESTS=https://github.com/acme/app/pull/42"]);

    private static BuildIdentity Expected(string reference, string? branch, string? tag = null, PullRequest? pullRequest = null) => new()
    {
        Host = "circleci",
        Ref = reference,
        Branch = branch,
        Tag = tag,
        Commit = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678",
        PullRequest = pullRequest,
        BuildNumber = "1234",
        BuildId = "6a1d3e8f-2b4c-4d5e-9f0a-1b2c3d4e5f60",
        BuildUrl = "https://circleci.com/gh/acme/app/1234",
    };

    [Fact]
    public void Branch_build() => Assert.Equal(Expected("refs/heads/main", "main"), Host.ReadIdentity(BranchBuild()));

    [Fact]
    public void Tag_build_has_no_branch() => Assert.Equal(Expected("refs/tags/v1.2.0", null, tag: "v1.2.0"), Host.ReadIdentity(TagBuild()));

    [Fact]
    public void Pull_request_number_is_parsed_from_the_url_and_the_target_is_unknown() =>
        Assert.Equal(
            Expected("refs/pull/42/merge", "feature/login", pullRequest: new PullRequest("42", "feature/login", null)),
            Host.ReadIdentity(PullRequestBuild()));

    [Fact]
    public void Forked_pull_request_has_its_number_in_CIRCLE_PR_NUMBER() =>
        Assert.Equal(
            Expected("refs/pull/43/merge", "pull/43", pullRequest: new PullRequest("43", "pull/43", null)),
            Host.ReadIdentity(Env.Of([.. Common, "CIRCLE_BRANCH=pull/43", "CIRCLE_PR_NUMBER=43", "CIRCLE_PR_USERNAME=contributor", "CIRCLE_PULL_REQUEST=https://github.com/acme/app/pull/43"])));

    [Fact]
    public void Outputs_are_exported_through_BASH_ENV_with_shell_quoting()
    {
        var environment = Env.Of([.. Common, "CIRCLE_BRANCH=main", "BASH_ENV=/tmp/.bash_env-6a1d3e8f"]);
        Assert.Equal(
            [new AppendToFile("/tmp/.bash_env-6a1d3e8f", "export VERSION='1.2.0-beta.4'\nexport NOTES='it'\\''s\ndone'\n")],
            Host.SetOutputs([new("VERSION", "1.2.0-beta.4"), new("NOTES", "it's\ndone"), new("not-a-name", "x")], environment));
        Assert.Empty(Host.SetOutputs(Samples.Outputs, BranchBuild()));
    }

    [Fact]
    public void Nothing_else_is_runtime()
    {
        Assert.Empty(Host.BeginGroup("Compile"));
        Assert.Empty(Host.Annotate(Samples.Error));
        Assert.Empty(Host.RegisterSecret("s3cr3t"));
        Assert.Empty(Host.PublishSummary("# Build", "/home/circleci/project/artifacts/summary.md", BranchBuild()));
        Assert.Empty(Host.PublishArtifact("artifacts/packages"));
        Assert.Empty(Host.SetBuildNumber("1.2.0"));
    }
}
