using Pipeline.CiGeneration;
using Pipeline.Delivery;
using Pipeline.CiGeneration.GitLab;
using Pipeline.EndToEnd.Tests.Hosts;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Tests.CiGeneration.GitLab;

public sealed class GitLabCiWriterTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly GitLabCiWriter _writer = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Sample_delivery_pipeline_is_written_as_the_golden_gitlab_ci_file()
    {
        var text = _writer.Write(Sample());

        Snapshot.Verify(text, "gitlab-ci.yml");
    }

    [Fact]
    public void The_same_script_is_written_as_the_same_bytes_with_LF_line_ends_only()
    {
        var first = _writer.Write(Sample());
        var second = _writer.Write(Sample());

        Assert.Equal(first, second);
        Assert.DoesNotContain('\r', first);
        Assert.EndsWith("\n", first, StringComparison.Ordinal);
        Assert.False(first.EndsWith("\n\n", StringComparison.Ordinal), "The file ends in exactly one line feed.");
    }

    [Fact]
    public void Merge_request_pipelines_build_and_test_but_never_reach_qa_or_release()
    {
        var jobs = Jobs(_writer.Write(Sample()));

        Assert.False(jobs["build"].Children.ContainsKey("rules"), "The build job runs in every pipeline, merge requests included.");
        foreach (var deploying in new[] { "publish-qa", "release" })
        {
            var first = (YamlMappingNode)((YamlSequenceNode)jobs[deploying]["rules"]).Children[0];
            Assert.Equal(GitLabRules.MergeRequestEvent, first["if"].ToString());
            Assert.Equal("never", first["when"].ToString());
        }
    }

    [Fact]
    public void Release_a_person_approves_is_a_manual_job_in_its_environment_that_passes_approve_and_blocks_what_follows()
    {
        var release = Jobs(_writer.Write(Sample()))["release"];

        var started = (YamlMappingNode)((YamlSequenceNode)release["rules"]).Children[^1];
        Assert.Equal("manual", started["when"].ToString());
        Assert.Equal("false", started["allow_failure"].ToString());
        Assert.Equal("production", ((YamlMappingNode)release["environment"])["name"].ToString());
        Assert.Equal("production", release["resource_group"].ToString());
        Assert.Equal("./build.sh Release --skip Compile,Test,Package,PublishQa --approve", Script(release)[^1]);
    }

    [Fact]
    public void Continuous_deployment_releases_without_a_manual_job_or_an_approval()
    {
        var release = Jobs(_writer.Write(Sample(new ReleasePolicy().ContinuousDeployment())))["release"];

        var rules = ((YamlSequenceNode)release["rules"]).Children.Cast<YamlMappingNode>().ToList();
        Assert.DoesNotContain(rules, r => r.Children.TryGetValue("when", out var when) && when.ToString() == "manual");
        Assert.Equal("./build.sh Release --skip Compile,Test,Package,PublishQa", Script(release)[^1]);
        Assert.Equal("production", release["resource_group"].ToString());
    }

    [Fact]
    public void The_candidate_is_verified_against_the_uploading_jobs_digest_before_qa_runs()
    {
        var jobs = Jobs(_writer.Write(Sample()));

        var build = jobs["build"];
        Assert.Equal(["artifacts/packages", "artifacts/report.html"], ((YamlSequenceNode)((YamlMappingNode)build["artifacts"])["paths"]).Select(p => p.ToString()));
        Assert.Equal("artifacts/pipeline.env", ((YamlMappingNode)((YamlMappingNode)build["artifacts"])["reports"])["dotenv"].ToString());
        var publishQa = jobs["publish-qa"];
        var need = (YamlMappingNode)Assert.Single((YamlSequenceNode)publishQa["needs"]);
        Assert.Equal("build", need["job"].ToString());
        Assert.Equal("true", need["artifacts"].ToString());
        Assert.Equal(
            ["./build.sh --check-ci", "./build.sh --verify-artifact artifacts/packages --expect-digest \"$candidate_digest\"", "./build.sh PublishQa --skip Compile,Test,Package"],
            Script(publishQa));
    }

    [Fact]
    public void A_partitioned_target_fans_out_as_parallel_copies_whose_results_the_merging_job_downloads()
    {
        var build = new Build(AbsolutePath.From(_folder.Path));
        var test = build.Target("Test").Partition(4);
        build.Default(build.Target("Package").DependsOn(test));
        build.Ci.GitLab();

        var text = _writer.Write(CiPipelinePlanner.Plan(build, "build/build.csx", "main"));

        var jobs = Jobs(text);
        Assert.Equal("4", jobs["test"]["parallel"].ToString());
        Assert.Equal("./build.sh Test --partition $CI_NODE_INDEX/$CI_NODE_TOTAL", Script(jobs["test"])[^1]);
        var artifacts = (YamlMappingNode)jobs["test"]["artifacts"];
        Assert.Equal("partition-test-$CI_NODE_INDEX", artifacts["name"].ToString());
        Assert.Equal("always", artifacts["when"].ToString());
        Assert.Equal(["artifacts/partitions", "artifacts/report.html"], ((YamlSequenceNode)artifacts["paths"]).Select(p => p.ToString()));
        var need = (YamlMappingNode)Assert.Single((YamlSequenceNode)jobs["build"]["needs"]);
        Assert.Equal("test", need["job"].ToString());
        Assert.Equal("true", need["artifacts"].ToString());
        Assert.Equal(["./build.sh --check-ci", "./build.sh Package --skip Test"], Script(jobs["build"]));
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", ((YamlMappingNode)Root(text)["default"])["image"].ToString());
    }

    [Fact]
    public void A_job_named_like_a_gitlab_keyword_is_refused_with_the_way_to_rename_it()
    {
        var build = new Build(AbsolutePath.From(_folder.Path));
        var site = build.Target("Site");
        build.Target("Pages").DependsOn(site).PublishesTo(build.QaEnvironment("docs"), build.Root / "artifacts" / "site");
        build.Ci.GitLab();

        var refused = Assert.Throws<BuildDefinitionException>(() => _writer.Write(CiPipelinePlanner.Plan(build, "build/build.csx", "main")));

        Assert.Equal("The CI job 'pages' (targets Pages) has a name GitLab reserves for its own 'pages:' key: name the job with Ci.Job(\"another-name\", ...).", refused.Message);
    }

    [Theory]
    [InlineData("v*", "/^v.*$/")]
    [InlineData("release/*", "/^release\\/.*$/")]
    [InlineData("v1.?", "/^v1\\..$/")]
    public void Glob_patterns_become_anchored_regular_expressions(string glob, string regex) =>
        Assert.Equal(regex, GitLabRules.GlobRegex(glob));

    [Fact]
    public void Workflow_starts_pipelines_only_for_the_declared_triggers()
    {
        var build = new Build(AbsolutePath.From(_folder.Path));
        build.Default(build.Target("Compile"));
        build.Ci.GitLab("registry.example.com/dotnet:10").OnPush("release/*").OnVersionTags("v*");

        var root = Root(_writer.Write(CiPipelinePlanner.Plan(build, "build/build.csx", "main")));

        var rules = ((YamlSequenceNode)((YamlMappingNode)root["workflow"])["rules"]).Children.Cast<YamlMappingNode>().Select(r => r["if"].ToString());
        Assert.Equal(["$CI_PIPELINE_SOURCE == \"push\" && $CI_COMMIT_BRANCH =~ /^release\\/.*$/", "$CI_COMMIT_TAG =~ /^v.*$/"], rules);
        Assert.Equal("registry.example.com/dotnet:10", ((YamlMappingNode)root["default"])["image"].ToString());
    }

    /// <summary>The README's delivery script (its SDK pinned in global.json) on GitLab, with the default triggers and a weekly schedule.</summary>
    private static CiPipeline Sample(ReleasePolicy? policy = null) =>
        CiSamples.PlannedDelivery(policy, (build, _) => build.Ci.GitLab().OnPush().OnPullRequests().OnVersionTags().OnManualDispatch().OnSchedule("0 3 * * 1"))
            with { HasGlobalJson = true, SdkChannel = "10.0" };

    private static YamlMappingNode Root(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static Dictionary<string, YamlMappingNode> Jobs(string text) =>
        Root(text).Children
            .Where(c => c.Value is YamlMappingNode job && job.Children.ContainsKey("script"))
            .ToDictionary(c => c.Key.ToString(), c => (YamlMappingNode)c.Value);

    private static List<string> Script(YamlMappingNode job) => [.. ((YamlSequenceNode)job["script"]).Select(s => s.ToString())];
}
