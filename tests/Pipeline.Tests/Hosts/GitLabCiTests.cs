using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;

namespace Pipeline.Tests.Hosts;

public sealed class GitLabCiTests
{
    // Values in the style of GitLab's predefined variables reference.
    private static readonly string[] Common =
    [
        "CI=true",
        "GITLAB_CI=true",
        "CI_SERVER_URL=https://gitlab.com",
        "CI_PROJECT_DIR=/builds/acme/app",
        "CI_COMMIT_SHA=1ecfd275763eff1d6b4844ea3168962458c9f27a",
        "CI_PIPELINE_ID=1144389827",
        "CI_PIPELINE_IID=57",
        "CI_PIPELINE_URL=https://gitlab.com/acme/app/-/pipelines/1144389827",
        "CI_JOB_ID=6354789012",
    ];

    private static readonly DateTimeOffset Noon = new(2024, 3, 15, 12, 0, 0, TimeSpan.Zero);

    private static readonly GitLabCi Host = new(new FixedTime(Noon));

    internal static HostEnvironment BranchBuild() => Env.Of([.. Common, "CI_PIPELINE_SOURCE=push", "CI_COMMIT_BRANCH=main", "CI_COMMIT_REF_NAME=main", "CI_COMMIT_REF_SLUG=main"]);

    // A tag pipeline: CI_COMMIT_BRANCH is not set.
    internal static HostEnvironment TagBuild() => Env.Of([.. Common, "CI_PIPELINE_SOURCE=push", "CI_COMMIT_TAG=v1.2.0", "CI_COMMIT_REF_NAME=v1.2.0", "CI_COMMIT_REF_SLUG=v1-2-0"]);

    // A merge request pipeline: CI_COMMIT_BRANCH is not set either; the IID is the project's !42.
    internal static HostEnvironment PullRequestBuild() => Env.Of(
    [
        .. Common,
        "CI_PIPELINE_SOURCE=merge_request_event",
        "CI_COMMIT_REF_NAME=feature/login",
        "CI_MERGE_REQUEST_ID=270435960",
        "CI_MERGE_REQUEST_IID=42",
        "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME=feature/login",
        "CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main",
    ]);

    private static BuildIdentity Expected(string reference, string? branch, string? tag = null, PullRequest? pullRequest = null) => new()
    {
        Host = "gitlab",
        Ref = reference,
        Branch = branch,
        Tag = tag,
        Commit = "1ecfd275763eff1d6b4844ea3168962458c9f27a",
        PullRequest = pullRequest,
        BuildNumber = "57",
        BuildId = "1144389827",
        BuildUrl = "https://gitlab.com/acme/app/-/pipelines/1144389827",
    };

    [Fact]
    public void Branch_build() =>
        Assert.Equal(Expected("refs/heads/main", "main"), Host.ReadIdentity(BranchBuild()));

    [Fact]
    public void Tag_build_has_no_branch() =>
        Assert.Equal(Expected("refs/tags/v1.2.0", null, tag: "v1.2.0"), Host.ReadIdentity(TagBuild()));

    [Fact]
    public void Merge_request_build_uses_the_project_scoped_iid_and_the_source_branch() =>
        Assert.Equal(
            Expected("refs/pull/42/merge", "feature/login", pullRequest: new PullRequest("42", "feature/login", "main")),
            Host.ReadIdentity(PullRequestBuild()));

    [Fact]
    public void Sections_carry_the_clock_time_and_a_safe_name_and_start_collapsed()
    {
        var begin = Host.BeginGroup("Compile (Release)").Printed();
        var end = Host.EndGroup("Compile (Release)").Printed();
        Assert.Equal(["\u001b[0Ksection_start:1710504000:compile__release_[collapsed=true]\r\u001b[0KCompile (Release)"], begin);
        Assert.Equal(["\u001b[0Ksection_end:1710504000:compile__release_\r\u001b[0K"], end);
    }

    [Fact]
    public void Section_time_follows_the_clock()
    {
        var later = new GitLabCi(new FixedTime(Noon.AddSeconds(90)));
        Assert.Equal(["\u001b[0Ksection_end:1710504090:test\r\u001b[0K"], later.EndGroup("Test").Printed());
    }

    [Fact]
    public void Outputs_go_to_the_dotenv_report_under_the_project_directory()
    {
        Assert.Equal(
            [new AppendToFile(Path.Combine("/builds/acme/app", "artifacts", "pipeline.env"), "VERSION=1.2.0-beta.4\nPACKAGE_PATH=artifacts/packages/App.1.2.0-beta.4.nupkg\n")],
            Host.SetOutputs(Samples.Outputs, BranchBuild()));
    }

    [Fact]
    public void Outputs_the_dotenv_parser_would_reject_are_left_out_with_a_warning_each()
    {
        var effects = Host.SetOutputs([new("VERSION", "1.2.0"), new("release-notes", "x"), new("NOTES", "two\nlines")], Env.Of()).ToList();

        Assert.Equal(new AppendToFile(GitLabCi.DotEnvPath, "VERSION=1.2.0\n"), effects[0]);
        Assert.Equal(
            [
                "GitLab CI/CD cannot pass output 'release-notes' to later steps: its name is not a variable name, which its dotenv file cannot hold. It is written to artifacts/outputs.env only.",
                "GitLab CI/CD cannot pass output 'NOTES' to later steps: its value spans lines, which its dotenv file cannot hold. It is written to artifacts/outputs.env only.",
            ],
            effects.Skip(1).Cast<HostWarning>().Select(w => w.Text));
        Assert.IsType<HostWarning>(Assert.Single(Host.SetOutputs([new("NOTES", "two\nlines")], Env.Of())));
    }

    [Fact]
    public void Annotations_secrets_summary_artifacts_and_build_number_are_not_runtime()
    {
        Assert.Empty(Host.Annotate(Samples.Error));
        Assert.Empty(Host.RegisterSecret("s3cr3t"));
        Assert.Empty(Host.PublishSummary("# Build", "/builds/acme/app/artifacts/summary.md", BranchBuild()));
        Assert.Empty(Host.PublishArtifact("artifacts/packages"));
        Assert.Empty(Host.SetBuildNumber("1.2.0"));
    }
}
