using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;

namespace Pipeline.Tests.Hosts;

public sealed class TravisCiTests
{
    // Values in the style of Travis CI's default environment variables.
    private static readonly string[] Common =
    [
        "CI=true",
        "TRAVIS=true",
        "TRAVIS_REPO_SLUG=acme/app",
        "TRAVIS_COMMIT=6cb1c3c16b6e2bd1dd3f1a3e6f2b2b8d5a0e4c7f",
        "TRAVIS_BUILD_ID=654321789",
        "TRAVIS_BUILD_NUMBER=57",
        "TRAVIS_BUILD_WEB_URL=https://app.travis-ci.com/acme/app/builds/654321789",
        "TRAVIS_JOB_NUMBER=57.1",
    ];

    private static readonly TravisCi Host = new();

    internal static HostEnvironment BranchBuild() => Env.Of([.. Common, "TRAVIS_EVENT_TYPE=push", "TRAVIS_BRANCH=main", "TRAVIS_PULL_REQUEST=false", "TRAVIS_PULL_REQUEST_BRANCH=", "TRAVIS_TAG="]);

    // In a tag build TRAVIS_BRANCH holds the tag's name.
    internal static HostEnvironment TagBuild() => Env.Of([.. Common, "TRAVIS_EVENT_TYPE=push", "TRAVIS_BRANCH=v1.2.0", "TRAVIS_PULL_REQUEST=false", "TRAVIS_PULL_REQUEST_BRANCH=", "TRAVIS_TAG=v1.2.0"]);

    // In a pull request TRAVIS_BRANCH is the target.
    internal static HostEnvironment PullRequestBuild() => Env.Of([.. Common, "TRAVIS_EVENT_TYPE=pull_request", "TRAVIS_BRANCH=main", "TRAVIS_PULL_REQUEST=42", "TRAVIS_PULL_REQUEST_BRANCH=feature/login", "TRAVIS_PULL_REQUEST_SHA=0a1b2c3d4e5f60718293a4b5c6d7e8f901234567", "TRAVIS_TAG="]);

    private static BuildIdentity Expected(string reference, string? branch, string? tag = null, PullRequest? pullRequest = null) => new()
    {
        Host = "travis",
        Ref = reference,
        Branch = branch,
        Tag = tag,
        Commit = "6cb1c3c16b6e2bd1dd3f1a3e6f2b2b8d5a0e4c7f",
        PullRequest = pullRequest,
        BuildNumber = "57",
        BuildId = "654321789",
        BuildUrl = "https://app.travis-ci.com/acme/app/builds/654321789",
    };

    [Fact]
    public void Branch_build() => Assert.Equal(Expected("refs/heads/main", "main"), Host.ReadIdentity(BranchBuild()));

    [Fact]
    public void Tag_build_does_not_take_the_tag_in_TRAVIS_BRANCH_for_a_branch() =>
        Assert.Equal(Expected("refs/tags/v1.2.0", null, tag: "v1.2.0"), Host.ReadIdentity(TagBuild()));

    [Fact]
    public void Pull_request_source_is_the_pull_request_branch_and_the_target_is_TRAVIS_BRANCH() =>
        Assert.Equal(
            Expected("refs/pull/42/merge", "feature/login", pullRequest: new PullRequest("42", "feature/login", "main")),
            Host.ReadIdentity(PullRequestBuild()));

    [Fact]
    public void Folds_are_named_from_the_title_and_hide_their_markers()
    {
        Assert.Equal(["travis_fold:start:unit_tests\r\u001b[0KUnit tests"], Host.BeginGroup("Unit tests").Printed());
        Assert.Equal(["travis_fold:end:unit_tests\r\u001b[0K"], Host.EndGroup("Unit tests").Printed());
    }

    [Fact]
    public void Nothing_else_is_runtime()
    {
        Assert.Empty(Host.Annotate(Samples.Error));
        Assert.Empty(Host.RegisterSecret("s3cr3t"));
        Assert.Empty(Host.PublishSummary("# Build", "/home/travis/build/acme/app/artifacts/summary.md", BranchBuild()));
        Assert.Empty(Host.SetOutputs(Samples.Outputs, BranchBuild()));
        Assert.Empty(Host.PublishArtifact("artifacts/packages"));
        Assert.Empty(Host.SetBuildNumber("1.2.0"));
    }
}
