using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;

namespace Pipeline.Tests.Hosts;

public sealed class GitHubActionsTests
{
    // Values as in GitHub's variables reference (GITHUB_SHA, GITHUB_RUN_ID examples).
    private static readonly string[] Common =
    [
        "CI=true",
        "GITHUB_ACTIONS=true",
        "GITHUB_SERVER_URL=https://github.com",
        "GITHUB_REPOSITORY=octocat/Hello-World",
        "GITHUB_SHA=ffac537e6cbbf934b08745a378932722df287a53",
        "GITHUB_RUN_ID=1658821493",
        "GITHUB_RUN_NUMBER=3",
        "GITHUB_RUN_ATTEMPT=1",
    ];

    private static readonly GitHubActions Host = new();

    internal static HostEnvironment BranchBuild() => Env.Of([.. Common, "GITHUB_EVENT_NAME=push", "GITHUB_REF=refs/heads/feature-branch-1", "GITHUB_REF_NAME=feature-branch-1", "GITHUB_REF_TYPE=branch", "GITHUB_HEAD_REF=", "GITHUB_BASE_REF="]);

    internal static HostEnvironment TagBuild() => Env.Of([.. Common, "GITHUB_EVENT_NAME=push", "GITHUB_REF=refs/tags/v1.2.0", "GITHUB_REF_NAME=v1.2.0", "GITHUB_REF_TYPE=tag", "GITHUB_HEAD_REF=", "GITHUB_BASE_REF="]);

    internal static HostEnvironment PullRequestBuild() => Env.Of([.. Common, "GITHUB_EVENT_NAME=pull_request", "GITHUB_REF=refs/pull/42/merge", "GITHUB_REF_NAME=42/merge", "GITHUB_REF_TYPE=branch", "GITHUB_HEAD_REF=feature-branch-1", "GITHUB_BASE_REF=main"]);

    private static BuildIdentity Expected(string? reference, string? branch, string? tag = null, PullRequest? pullRequest = null) => new()
    {
        Host = "github-actions",
        Ref = reference,
        Branch = branch,
        Tag = tag,
        Commit = "ffac537e6cbbf934b08745a378932722df287a53",
        PullRequest = pullRequest,
        BuildNumber = "3",
        BuildId = "1658821493",
        BuildUrl = "https://github.com/octocat/Hello-World/actions/runs/1658821493",
    };

    [Fact]
    public void Branch_build() =>
        Assert.Equal(Expected("refs/heads/feature-branch-1", "feature-branch-1"), Host.ReadIdentity(BranchBuild()));

    [Fact]
    public void Tag_build_has_no_branch() =>
        Assert.Equal(Expected("refs/tags/v1.2.0", null, tag: "v1.2.0"), Host.ReadIdentity(TagBuild()));

    [Fact]
    public void Pull_request_build_takes_the_number_from_the_ref_and_the_branches_from_head_and_base() =>
        Assert.Equal(
            Expected("refs/pull/42/merge", "feature-branch-1", pullRequest: new PullRequest("42", "feature-branch-1", "main")),
            Host.ReadIdentity(PullRequestBuild()));

    [Fact]
    public void Pull_request_target_build_reads_the_number_from_the_event_file()
    {
        var eventFile = Path.GetTempFileName();
        try
        {
            File.WriteAllText(eventFile, """{ "action": "opened", "number": 42, "pull_request": { "number": 42 } }""");
            var environment = Env.Of([.. Common, "GITHUB_EVENT_NAME=pull_request_target", "GITHUB_REF=refs/heads/main", "GITHUB_REF_NAME=main", "GITHUB_REF_TYPE=branch", "GITHUB_HEAD_REF=feature-branch-1", "GITHUB_BASE_REF=main", $"GITHUB_EVENT_PATH={eventFile}"]);
            Assert.Equal(
                Expected("refs/pull/42/merge", "feature-branch-1", pullRequest: new PullRequest("42", "feature-branch-1", "main")),
                Host.ReadIdentity(environment));
        }
        finally
        {
            File.Delete(eventFile);
        }
    }

    [Fact]
    public void Groups_are_workflow_commands() =>
        Assert.Equal(["::group::Compile", "::endgroup::"], [.. Host.BeginGroup("Compile").Printed(), .. Host.EndGroup("Compile").Printed()]);

    [Fact]
    public void Error_annotation_carries_file_line_column_and_title() =>
        Assert.Equal(
            ["::error file=src/App/Program.cs,line=12,col=5,title=Build failed::CS0103: The name 'x' does not exist"],
            Host.Annotate(Samples.Error).Printed());

    [Fact]
    public void Annotation_escapes_percent_line_breaks_and_property_separators() =>
        Assert.Equal(
            ["::warning file=a%2Cb%3Ac.cs::100%25 done%0Anext"],
            Host.Annotate(new Annotation(AnnotationLevel.Warning, "100% done\nnext", "a,b:c.cs")).Printed());

    [Fact]
    public void Secret_is_masked_raw_and_each_line_of_a_multi_line_secret_too()
    {
        Assert.Equal([new PrintLine("::add-mask::s3cr3t", Raw: true)], Host.RegisterSecret("s3cr3t"));
        Assert.Equal(
            [new PrintLine("::add-mask::line-one%0Aline-two", Raw: true), new PrintLine("::add-mask::line-one", Raw: true), new PrintLine("::add-mask::line-two", Raw: true)],
            Host.RegisterSecret("line-one\nline-two"));
    }

    [Fact]
    public void Summary_is_appended_to_the_step_summary_file()
    {
        Assert.Equal(
            [new AppendToFile("/home/runner/work/_temp/_runner_file_commands/step_summary_1", "# Build\n")],
            Host.PublishSummary("# Build", "/w/artifacts/summary.md", Env.Of("GITHUB_STEP_SUMMARY=/home/runner/work/_temp/_runner_file_commands/step_summary_1")));
        Assert.Empty(Host.PublishSummary("# Build", "/w/artifacts/summary.md", Env.Of()));
    }

    [Fact]
    public void Outputs_are_name_value_lines_and_multi_line_values_use_a_delimiter_absent_from_the_value()
    {
        var environment = Env.Of("GITHUB_OUTPUT=/home/runner/work/_temp/_runner_file_commands/set_output_1");
        Assert.Equal(
            [new AppendToFile("/home/runner/work/_temp/_runner_file_commands/set_output_1", "VERSION=1.2.0-beta.4\nPACKAGE_PATH=artifacts/packages/App.1.2.0-beta.4.nupkg\n")],
            Host.SetOutputs(Samples.Outputs, environment));
        Assert.Equal(
            [new AppendToFile("/home/runner/work/_temp/_runner_file_commands/set_output_1", "NOTES<<PIPELINE_EOF_1\nline one\nPIPELINE_EOF\nPIPELINE_EOF_1\n")],
            Host.SetOutputs([new("NOTES", "line one\nPIPELINE_EOF")], environment));
        Assert.Empty(Host.SetOutputs(Samples.Outputs, Env.Of()));
    }

    [Fact]
    public void Artifacts_and_build_number_need_the_workflow_file()
    {
        Assert.Empty(Host.PublishArtifact("/w/artifacts/packages"));
        Assert.Empty(Host.SetBuildNumber("1.2.0"));
    }
}
