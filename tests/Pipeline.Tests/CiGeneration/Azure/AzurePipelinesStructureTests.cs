using Pipeline.CiGeneration;
using Pipeline.CiGeneration.Azure;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Tests.CiGeneration.Azure;

/// <summary>
/// The generated file read back with YamlDotNet, against the pipeline it was written from: the properties that
/// make it a delivery pipeline, whatever the exact text.
/// </summary>
public sealed class AzurePipelinesStructureTests
{
    public static TheoryData<string> Samples => ["partitioned-delivery", "planned"];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_job_is_a_stage_whose_dependencies_have_the_pipelines_graph(string sample)
    {
        var (pipeline, file) = Written(sample);

        Assert.Equal(pipeline.Jobs.Select(j => AzureNames.Of(j.Id)), file.Stages.Select(s => s.Text("stage")));
        foreach (var job in pipeline.Jobs)
        {
            var stage = file.Stage(AzureNames.Of(job.Id));

            // Written even when empty: without it a stage waits for the one above it.
            Assert.True(stage.Has("dependsOn"), $"Stage {job.Id} has no dependsOn.");
            var dependsOn = stage.Texts("dependsOn");
            Assert.Superset(job.Needs.Select(AzureNames.Of).ToHashSet(), dependsOn.ToHashSet());
            Assert.Equal(Reachable(pipeline, job.Id).Select(AzureNames.Of).Order(), Reachable(file, AzureNames.Of(job.Id)).Order());
            Assert.Equal(AzureNames.Of(job.Id), (AzureFile.JobOf(stage).Text("job") ?? AzureFile.JobOf(stage).Text("deployment")));
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Only_the_production_job_is_a_deployment_job_in_its_environment_with_a_sequential_lock(string sample)
    {
        var (pipeline, file) = Written(sample);

        var production = Assert.Single(pipeline.Jobs, j => j.Deployment is { IsProduction: true });
        foreach (var stage in file.Stages)
        {
            var job = AzureFile.JobOf(stage);
            var isProduction = stage.Text("stage") == AzureNames.Of(production.Id);
            Assert.Equal(isProduction, job.Has("deployment"));
            Assert.Equal(isProduction, job.Has("environment"));
            Assert.Equal(isProduction ? "sequential" : null, stage.Text("lockBehavior"));
        }

        Assert.Equal(production.Deployment!.Environment, AzureFile.JobOf(file.Stage(AzureNames.Of(production.Id))).Text("environment"));

        // A deployment job would otherwise download every artifact of the run before its steps.
        Assert.Equal("none", AzureFile.StepsOf(file.Stage(AzureNames.Of(production.Id)))[0].Text("download"));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_downloaded_artifact_is_published_under_that_name_by_a_stage_the_downloader_waits_for(string sample)
    {
        var (pipeline, file) = Written(sample);
        var published = file.Stages.SelectMany(stage => PublishedNames(stage).Select(name => (Name: name, Stage: stage.Text("stage")!))).ToList();

        Assert.Equal(published.Count, published.Select(p => p.Name).Distinct().Count());
        Assert.DoesNotContain(published, p => p.Name == Pipeline.Hosts.Vendors.AzurePipelines.ArtifactName);
        var downloads = 0;
        foreach (var stage in file.Stages)
        {
            foreach (var download in AzureFile.StepsOf(stage).Where(s => s.Text("task") == "DownloadPipelineArtifact@2"))
            {
                downloads++;
                var name = download.Map("inputs").Text("artifactName");
                var publisher = Assert.Single(published, p => p.Name == name).Stage;
                Assert.Contains(publisher, Reachable(file, stage.Text("stage")!));
                Assert.Equal("current", download.Map("inputs").Text("buildType"));
            }
        }

        Assert.Equal(pipeline.Jobs.Sum(j => j.Downloads.Sum(a => AzureNames.Published(a, pipeline).Count)), downloads);
        Assert.True(downloads > 0, "The sample moves artifacts between jobs.");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_downloaded_candidate_is_verified_against_the_digest_its_uploading_stage_exported_before_the_targets_run(string sample)
    {
        var (pipeline, file) = Written(sample);

        foreach (var job in pipeline.Jobs.Where(j => j.Downloads.Any(a => a.IsCandidate)))
        {
            var stage = file.Stage(AzureNames.Of(job.Id));
            var steps = AzureFile.StepsOf(stage);
            var build = steps.Single(s => s.Text("name") == AzureNames.BuildStep);
            foreach (var candidate in job.Downloads.Where(a => a.IsCandidate))
            {
                var producer = AzureNames.Of(candidate.FromJob);
                var verify = steps.Single(s => s.Text("script")?.StartsWith($"./build.sh --verify-artifact {candidate.Path} ", StringComparison.Ordinal) == true);
                Assert.EndsWith("--expect-digest \"$EXPECTED_DIGEST\"", verify.Text("script"), StringComparison.Ordinal);
                var variable = verify.Map("env").Text("EXPECTED_DIGEST")!;
                Assert.Matches(@"^\$\(\w+\)$", variable);
                var expression = AzureFile.JobOf(stage).Map("variables").Text(variable[2..^1]);

                // stageDependencies can only read a stage listed in dependsOn, and the producer's step must be the one named build.
                Assert.Equal($"$[ stageDependencies.{producer}.{producer}.outputs['build.candidate_digest'] ]", expression);
                Assert.Contains(producer, stage.Texts("dependsOn"));
                Assert.Single(AzureFile.StepsOf(file.Stage(producer)), s => s.Text("name") == "build");
                Assert.True(IndexOf(steps, verify) < IndexOf(steps, build), "The candidate is verified before the job's targets run.");
                Assert.True(IndexOf(steps, steps.Single(s => s.Text("task") == "DownloadPipelineArtifact@2" && s.Map("inputs").Text("artifactName") == candidate.Name)) < IndexOf(steps, verify));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_job_checks_out_the_full_history_installs_the_global_json_SDK_and_checks_the_CI_files_before_anything_else(string sample)
    {
        var (pipeline, file) = Written(sample);

        foreach (var job in pipeline.Jobs)
        {
            var steps = AzureFile.StepsOf(file.Stage(AzureNames.Of(job.Id))).Where(s => !s.Has("download")).ToList();
            Assert.Equal("self", steps[0].Text("checkout"));
            Assert.Equal("0", steps[0].Text("fetchDepth"));
            Assert.Equal("true", steps[0].Text("fetchTags"));

            // The records are pushed with the checkout's credentials: only jobs that write them keep them.
            Assert.Equal(job.WritesRecords ? "true" : null, steps[0].Text("persistCredentials"));
            Assert.Equal("UseDotNet@2", steps[1].Text("task"));
            Assert.Equal("true", steps[1].Map("inputs").Text("useGlobalJson"));
            Assert.Equal("Cache@2", steps[2].Text("task"));
            Assert.Equal("$(NUGET_PACKAGES)", steps[2].Map("inputs").Text("path"));
            Assert.Equal("./build.sh --check-ci", steps[3].Text("script"));
            Assert.Single(steps, s => s.Text("script")?.StartsWith("./build.sh", StringComparison.Ordinal) == true && s.Text("script")!.Contains("--check-ci", StringComparison.Ordinal));
        }

        Assert.Equal("$(Pipeline.Workspace)/.nuget/packages", file.Root.Map("variables").Text("NUGET_PACKAGES"));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Secrets_are_mapped_only_into_the_build_step_of_the_jobs_whose_targets_require_them(string sample)
    {
        var (pipeline, file) = Written(sample);
        var secrets = pipeline.Jobs.SelectMany(j => j.Secrets).ToHashSet();
        Assert.NotEmpty(secrets);

        foreach (var job in pipeline.Jobs)
        {
            var steps = AzureFile.StepsOf(file.Stage(AzureNames.Of(job.Id)));
            var mapped = steps.Where(s => s.Has("env")).SelectMany(s => s.Map("env").Children.Select(c => (Step: s, Name: ((YamlScalarNode)c.Key).Value!, Value: ((YamlScalarNode)c.Value).Value)))
                .Where(e => secrets.Contains(e.Name) || secrets.Any(secret => e.Value!.Contains($"$({secret})", StringComparison.Ordinal)))
                .ToList();
            Assert.Equal(job.Secrets.Order(), mapped.Select(m => m.Name).Order());
            Assert.All(mapped, m => Assert.Equal(AzureNames.BuildStep, m.Step.Text("name")));
            Assert.All(mapped, m => Assert.Equal($"$({m.Name})", m.Value));
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Pull_requests_never_reach_a_stage_that_deploys_or_follows_a_deployment(string sample)
    {
        var (pipeline, file) = Written(sample);

        Assert.Contains(pipeline.Jobs, j => j.RunsOnPullRequests);
        foreach (var job in pipeline.Jobs)
        {
            var condition = file.Stage(AzureNames.Of(job.Id)).Text("condition");
            Assert.Equal(job.RunsOnPullRequests ? null : "and(succeeded(), ne(variables['Build.Reason'], 'PullRequest'))", condition);
        }
    }

    [Fact]
    public void A_partitioned_target_runs_as_parallel_copies_that_each_publish_their_slice_for_the_job_that_merges_them()
    {
        var pipeline = AzureSamples.PartitionedDelivery();
        var file = AzureFile.Parse(new AzurePipelinesWriter().Write(pipeline));

        var test = file.Stage("test");
        Assert.Equal("4", AzureFile.JobOf(test).Map("strategy").Text("parallel"));
        var steps = AzureFile.StepsOf(test);
        Assert.Equal("./build.sh Test --partition $(System.JobPositionInPhase)/$(System.TotalJobsInPhase)", steps.Single(s => s.Text("name") == "build").Text("script"));
        var publish = steps.Single(s => s.Text("task") == "PublishPipelineArtifact@1" && s.Text("displayName") != "Upload the run report");
        Assert.Equal("partition-test-$(System.JobPositionInPhase)", publish.Map("inputs").Text("artifact"));
        Assert.Equal("succeededOrFailed()", publish.Text("condition"));

        // Each copy keeps its own run report, also when it failed.
        var report = steps.Single(s => s.Text("displayName") == "Upload the run report");
        Assert.Equal("report-test-$(System.JobPositionInPhase)", report.Map("inputs").Text("artifact"));
        Assert.Equal("$(Build.SourcesDirectory)/artifacts/report.html", report.Map("inputs").Text("targetPath"));
        Assert.Equal("always()", report.Text("condition"));

        var merging = AzureFile.StepsOf(file.Stage("build")).Where(s => s.Text("task") == "DownloadPipelineArtifact@2").ToList();
        Assert.Equal(["partition-test-1", "partition-test-2", "partition-test-3", "partition-test-4"], merging.Select(d => d.Map("inputs").Text("artifactName")));
        Assert.All(merging, d => Assert.Equal("$(Build.SourcesDirectory)/artifacts/partitions", d.Map("inputs").Text("targetPath")));
        Assert.Equal("./build.sh Pack --skip Test", AzureFile.StepsOf(file.Stage("build")).Single(s => s.Text("name") == "build").Text("script"));
    }

    [Fact]
    public void Job_ids_with_dashes_become_stage_and_job_names_Azure_accepts()
    {
        var file = AzureFile.Parse(new AzurePipelinesWriter().Write(AzureSamples.PartitionedDelivery()));

        var names = file.Stages.SelectMany(s => new[] { s.Text("stage")!, AzureFile.JobOf(s).Text("job") ?? AzureFile.JobOf(s).Text("deployment")! }).Concat(file.Stages.SelectMany(s => s.Texts("dependsOn")));
        Assert.All(names, name => Assert.Matches("^[A-Za-z_][A-Za-z0-9_]*$", name));
        Assert.Equal("publish-qa", file.Stage("publish_qa").Text("displayName"));
    }

    private static (CiPipeline Pipeline, AzureFile File) Written(string sample)
    {
        var pipeline = sample == "planned" ? AzureSamples.PlannedFromScript() : AzureSamples.PartitionedDelivery();
        return (pipeline, AzureFile.Parse(new AzurePipelinesWriter().Write(pipeline)));
    }

    private static IReadOnlyList<string> PublishedNames(YamlMappingNode stage)
    {
        var parallel = AzureFile.JobOf(stage).Has("strategy") && AzureFile.JobOf(stage).Map("strategy").Has("parallel")
            ? int.Parse(AzureFile.JobOf(stage).Map("strategy").Text("parallel")!, System.Globalization.CultureInfo.InvariantCulture)
            : 1;
        return
        [
            .. AzureFile.StepsOf(stage).Where(s => s.Text("task") == "PublishPipelineArtifact@1").Select(s => s.Map("inputs").Text("artifact")!)
                .SelectMany(name => name.Contains("$(System.JobPositionInPhase)", StringComparison.Ordinal)
                    ? Enumerable.Range(1, parallel).Select(i => name.Replace("$(System.JobPositionInPhase)", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
                    : [name]),
        ];
    }

    private static HashSet<string> Reachable(CiPipeline pipeline, string job) =>
        [.. pipeline.Jobs.Single(j => j.Id == job).Needs.SelectMany(n => Reachable(pipeline, n).Append(n))];

    private static HashSet<string> Reachable(AzureFile file, string stage) =>
        [.. file.Stage(stage).Texts("dependsOn").SelectMany(d => Reachable(file, d).Append(d))];

    private static int IndexOf(IReadOnlyList<YamlMappingNode> steps, YamlMappingNode step) => steps.ToList().IndexOf(step);
}
