using Pipeline.CiGeneration.GitHub;
using Pipeline.Delivery;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Tests.CiGeneration.GitHub;

/// <summary>Single rules of the workflow and its settings, read back from the YAML the writer prints.</summary>
public sealed class GitHubWorkflowRulesTests
{
    private static readonly GitHubWorkflowWriter Writer = new();

    [Fact]
    public void A_job_that_downloads_a_candidate_needs_the_job_that_uploaded_it_even_when_another_job_leads_there()
    {
        var sample = CiSamples.DeliveryWithPartitionedTests();
        var candidate = sample.Jobs[2].Downloads[0];
        var pipeline = sample with { Jobs = [.. sample.Jobs.Take(3), sample.Jobs[3] with { Downloads = [candidate] }] };

        var release = Job(Writer.Write(pipeline), "release");

        Assert.Equal(["publish-qa", "build"], Strings(release["needs"]));
        Assert.Contains("needs.build.outputs.candidate_digest", Steps(release), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_production_job_gets_the_environment_the_lock_the_approvals_token_and_the_secret()
    {
        var workflow = Writer.Write(CiSamples.DeliveryWithPartitionedTests());

        foreach (var id in new[] { "test", "build", "publish-qa" })
        {
            var job = Job(workflow, id);
            Assert.False(job.Children.ContainsKey("environment"), id);
            Assert.False(job.Children.ContainsKey("concurrency"), id);
            Assert.DoesNotContain("secrets.", Steps(job), StringComparison.Ordinal);
            Assert.DoesNotContain("PIPELINE_GITHUB_TOKEN", Steps(job), StringComparison.Ordinal);
        }

        var release = Job(workflow, "release");
        Assert.Equal("production", ((YamlScalarNode)release["environment"]).Value);
        Assert.Equal("false", ((YamlScalarNode)((YamlMappingNode)release["concurrency"])["cancel-in-progress"]).Value);
        Assert.Equal(["contents: write", "actions: read"], Pairs(release["permissions"]));
    }

    [Fact]
    public void Jobs_that_keep_no_records_run_with_the_workflows_read_only_token_and_pull_requests_reach_only_them()
    {
        var workflow = Writer.Write(CiSamples.DeliveryWithPartitionedTests());
        var root = Load(workflow);

        Assert.Equal(["contents: read"], Pairs(root["permissions"]));
        Assert.All(new[] { "test", "build" }, id => Assert.False(Job(workflow, id).Children.ContainsKey("permissions"), id));
        Assert.All(new[] { "test", "build" }, id => Assert.False(Job(workflow, id).Children.ContainsKey("if"), id));
        Assert.All(new[] { "publish-qa", "release" }, id => Assert.Equal("github.event_name != 'pull_request'", ((YamlScalarNode)Job(workflow, id)["if"]).Value));
        Assert.Equal(["contents: write"], Pairs(Job(workflow, "publish-qa")["permissions"]));
    }

    [Fact]
    public void A_secret_variable_github_cannot_name_is_refused_with_what_to_use_instead()
    {
        var sample = CiSamples.DeliveryWithPartitionedTests();
        var pipeline = sample with { Jobs = [.. sample.Jobs.Take(3), sample.Jobs[3] with { Secrets = ["nuget-key"] }] };

        var error = Assert.Throws<BuildDefinitionException>(() => Writer.Write(pipeline));

        Assert.Equal(
            "The secret variable 'nuget-key' of CI job 'release' cannot be a GitHub secret: use letters, digits and underscores, not starting with a digit (e.g. NUGET_API_KEY).",
            error.Message);
    }

    [Fact]
    public void Continuous_deployment_asks_for_no_reviewers_but_still_for_the_refs_production_takes()
    {
        var settings = Writer.Settings(CiSamples.PlannedDelivery(new ReleasePolicy().ContinuousDeployment()));

        Assert.Contains("- Settings > Environments > production: no required reviewers (the script releases continuously, without approval).", settings);
        Assert.Contains("- Settings > Environments > production > Deployment branches and tags: \"Selected branches and tags\": the branch main and the tags v*.", settings);
        Assert.DoesNotContain(settings, line => line.Contains("Prevent self-review", StringComparison.Ordinal));
    }

    [Fact]
    public void A_secret_only_the_release_reads_is_an_environment_secret_and_one_qa_reads_a_repository_secret()
    {
        var sample = CiSamples.DeliveryWithPartitionedTests();
        var pipeline = sample with { Jobs = [.. sample.Jobs.Take(2), sample.Jobs[2] with { Secrets = ["QA_TOKEN"] }, sample.Jobs[3]] };

        var settings = Writer.Settings(pipeline);

        Assert.Contains("- Settings > Environments > production > Environment secrets: PIPELINE_NUGET_API_KEY.", settings);
        Assert.Contains("- Settings > Secrets and variables > Actions > Repository secrets: QA_TOKEN.", settings);
    }

    [Fact]
    public void The_settings_are_the_comment_at_the_top_of_the_file()
    {
        var pipeline = CiSamples.DeliveryWithPartitionedTests();

        var comment = Writer.Write(pipeline).Split('\n').TakeWhile(l => l.StartsWith('#')).ToList();

        Assert.Equal([.. Writer.Settings(pipeline).Select(l => $"# {l}")], comment.Skip(comment.IndexOf("# Settings to apply in GitHub (a workflow file cannot hold them):") + 1));
    }

    private static YamlMappingNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Job(string workflow, string id) => (YamlMappingNode)((YamlMappingNode)Load(workflow)["jobs"])[id];

    private static IReadOnlyList<string?> Strings(YamlNode sequence) => [.. ((YamlSequenceNode)sequence).Select(n => ((YamlScalarNode)n).Value)];

    private static IReadOnlyList<string> Pairs(YamlNode map) => [.. ((YamlMappingNode)map).Select(p => $"{p.Key}: {p.Value}")];

    /// <summary>Every step of <paramref name="job"/> as text, to search.</summary>
    private static string Steps(YamlMappingNode job)
    {
        var stream = new YamlStream(new YamlDocument(job["steps"]));
        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}
