using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;

namespace Pipeline.Tests.Hosts;

public sealed class BuildkiteTests
{
    // Values in the style of Buildkite's environment variables reference.
    private static readonly string[] Common =
    [
        "CI=true",
        "BUILDKITE=true",
        "BUILDKITE_ORGANIZATION_SLUG=acme",
        "BUILDKITE_PIPELINE_SLUG=app",
        "BUILDKITE_COMMIT=83a20ec058e2fb00e7fa4558c4c6e81e2dcf253d",
        "BUILDKITE_BUILD_NUMBER=57",
        "BUILDKITE_BUILD_ID=f62a1b4d-10f9-4790-bc1c-e2c3a0c80983",
        "BUILDKITE_BUILD_URL=https://buildkite.com/acme/app/builds/57",
        "BUILDKITE_JOB_ID=e44f9784-e20e-4b93-a21d-f41fd5869db9",
    ];

    private static readonly Buildkite Host = new();

    internal static HostEnvironment BranchBuild() => Env.Of([.. Common, "BUILDKITE_BRANCH=main", "BUILDKITE_TAG=", "BUILDKITE_PULL_REQUEST=false", "BUILDKITE_PULL_REQUEST_BASE_BRANCH="]);

    // BUILDKITE_BRANCH holds the tag's name in a tag build.
    internal static HostEnvironment TagBuild() => Env.Of([.. Common, "BUILDKITE_BRANCH=v1.2.0", "BUILDKITE_TAG=v1.2.0", "BUILDKITE_PULL_REQUEST=false", "BUILDKITE_PULL_REQUEST_BASE_BRANCH="]);

    internal static HostEnvironment PullRequestBuild() => Env.Of([.. Common, "BUILDKITE_BRANCH=feature/login", "BUILDKITE_TAG=", "BUILDKITE_PULL_REQUEST=42", "BUILDKITE_PULL_REQUEST_BASE_BRANCH=main", "BUILDKITE_PULL_REQUEST_REPO=git://github.com/acme/app.git"]);

    private static BuildIdentity Expected(string reference, string? branch, string? tag = null, PullRequest? pullRequest = null) => new()
    {
        Host = "buildkite",
        Ref = reference,
        Branch = branch,
        Tag = tag,
        Commit = "83a20ec058e2fb00e7fa4558c4c6e81e2dcf253d",
        PullRequest = pullRequest,
        BuildNumber = "57",
        BuildId = "f62a1b4d-10f9-4790-bc1c-e2c3a0c80983",
        BuildUrl = "https://buildkite.com/acme/app/builds/57",
    };

    [Fact]
    public void Branch_build_with_false_for_no_pull_request() => Assert.Equal(Expected("refs/heads/main", "main"), Host.ReadIdentity(BranchBuild()));

    [Fact]
    public void Tag_build_has_no_branch() => Assert.Equal(Expected("refs/tags/v1.2.0", null, tag: "v1.2.0"), Host.ReadIdentity(TagBuild()));

    [Fact]
    public void Pull_request_build() =>
        Assert.Equal(
            Expected("refs/pull/42/merge", "feature/login", pullRequest: new PullRequest("42", "feature/login", "main")),
            Host.ReadIdentity(PullRequestBuild()));

    [Fact]
    public void Symbolic_commit_of_a_manual_build_is_left_to_git() =>
        Assert.Null(Host.ReadIdentity(Env.Of([.. Common, "BUILDKITE_BRANCH=main", "BUILDKITE_PULL_REQUEST=false", "BUILDKITE_COMMIT=HEAD"])).Commit);

    [Fact]
    public void Groups_are_collapsed_headers_without_a_close_marker()
    {
        Assert.Equal(["--- Compile"], Host.BeginGroup("Compile").Printed());
        Assert.Empty(Host.EndGroup("Compile"));
    }

    [Fact]
    public void Summary_is_an_info_annotation_in_its_own_context_after_the_options()
    {
        Assert.Equal(
            [new RunCommand("buildkite-agent", ["annotate", "--style", "info", "--context", "pipeline-summary", "--", "- build: ok\n- test: ok"])],
            Host.PublishSummary("- build: ok\n- test: ok", "/buildkite/builds/agent-1/acme/app/artifacts/summary.md", BranchBuild()),
            EffectComparer.Instance);
    }

    [Fact]
    public void Oversized_summary_is_truncated_to_fit_a_command_line()
    {
        var effect = Assert.IsType<RunCommand>(Assert.Single(Host.PublishSummary(new string('x', 40_000), "/w/artifacts/summary.md", BranchBuild())));
        var body = effect.Arguments[^1];
        Assert.StartsWith(new string('x', Buildkite.MaximumSummaryLength), body, StringComparison.Ordinal);
        Assert.EndsWith("_Summary truncated; the full text is in `summary.md`._\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Outputs_are_build_meta_data_and_blank_values_are_left_out() =>
        Assert.Equal(
            [new RunCommand("buildkite-agent", ["meta-data", "set", "--", "VERSION", "1.2.0-beta.4"])],
            Host.SetOutputs([new("VERSION", "1.2.0-beta.4"), new("EMPTY", " ")], BranchBuild()),
            EffectComparer.Instance);

    [Fact]
    public void Artifact_is_uploaded_by_path_or_glob() =>
        Assert.Equal(
            [new RunCommand("buildkite-agent", ["artifact", "upload", "artifacts/packages/*.nupkg"])],
            Host.PublishArtifact("artifacts/packages/*.nupkg"),
            EffectComparer.Instance);

    [Fact]
    public void Annotations_secrets_and_build_number_are_not_runtime()
    {
        Assert.Empty(Host.Annotate(Samples.Error));
        Assert.Empty(Host.RegisterSecret("s3cr3t"));
        Assert.Empty(Host.SetBuildNumber("1.2.0"));
    }
}
