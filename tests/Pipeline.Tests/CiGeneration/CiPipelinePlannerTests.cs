using Pipeline.CiGeneration;
using Pipeline.Delivery;

namespace Pipeline.Tests.CiGeneration;

public sealed class CiPipelinePlannerTests
{
    [Fact]
    public void A_delivery_pipeline_becomes_a_build_job_a_qa_job_and_a_release_job_each_skipping_what_the_one_before_ran()
    {
        var pipeline = Plan(DeliveryBuild(out _));

        Assert.Equal(["build", "publish-qa", "release"], pipeline.Jobs.Select(j => j.Id));
        var (build, qa, release) = (pipeline.Jobs[0], pipeline.Jobs[1], pipeline.Jobs[2]);
        Assert.Equal(["Package"], build.Targets);
        Assert.Empty(build.Satisfied);
        Assert.Empty(build.Needs);
        Assert.Equal("./build.sh PublishQa --skip Compile,Test,Package", qa.CommandLine());
        Assert.Equal(["build"], qa.Needs);
        Assert.Equal("./build.sh Release --skip Compile,Test,Package,PublishQa", release.CommandLine());
        Assert.Equal(["publish-qa"], release.Needs);
    }

    [Fact]
    public void Only_the_job_that_builds_runs_for_pull_requests_and_only_deploying_jobs_write_records()
    {
        var pipeline = Plan(DeliveryBuild(out _));

        Assert.Equal([true, false, false], pipeline.Jobs.Select(j => j.RunsOnPullRequests));
        Assert.Equal([false, true, true], pipeline.Jobs.Select(j => j.WritesRecords));
        Assert.All(pipeline.Jobs.Skip(1), j => Assert.Equal([new KeyValuePair<string, string>("PIPELINE_RECORDS", "git")], j.Variables));
        Assert.Empty(pipeline.Jobs[0].Variables);
    }

    [Fact]
    public void A_script_that_chose_its_records_backend_keeps_it_on_ci()
    {
        var build = DeliveryBuild(out _);
        build.RecordsIn(RecordsBackend.Git("upstream"));

        Assert.All(Plan(build).Jobs, j => Assert.Empty(j.Variables));
    }

    [Fact]
    public void Only_the_production_job_deploys_to_production_and_continuous_delivery_needs_an_approval_there()
    {
        var pipeline = Plan(DeliveryBuild(out _));

        Assert.Null(pipeline.Jobs[0].Deployment);
        Assert.Equal(new CiDeployment("qa", EnvironmentKind.Qa, false), pipeline.Jobs[1].Deployment);
        Assert.Equal(new CiDeployment("production", EnvironmentKind.Production, true), pipeline.Jobs[2].Deployment);
        Assert.Single(pipeline.Deployments, d => d.IsProduction);
    }

    [Fact]
    public void Continuous_deployment_releases_without_an_approval_gate()
    {
        var pipeline = Plan(DeliveryBuild(out _, new ReleasePolicy().ContinuousDeployment()));

        Assert.False(pipeline.Jobs[2].Deployment!.RequiresApproval);
    }

    [Fact]
    public void The_candidate_travels_from_the_job_that_packages_it_to_the_job_that_deploys_it_with_its_digest()
    {
        var pipeline = Plan(DeliveryBuild(out _));

        var candidate = new CiArtifact("candidate-qa", "artifacts/packages", "build", IsCandidate: true);
        Assert.Equal([candidate], pipeline.Jobs[0].Uploads);
        Assert.Equal([CiPipelinePlanner.CandidateDigestOutput], pipeline.Jobs[0].Outputs);
        Assert.Equal([candidate], pipeline.Jobs[1].Downloads);
        Assert.Empty(pipeline.Jobs[2].Downloads);
    }

    [Fact]
    public void A_secret_reaches_only_the_job_whose_targets_require_it()
    {
        var build = DeliveryBuild(out var targets);
        var token = build.Secret("deploy-token", "Token of the production feed.");
        targets["Release"].Requires(token);

        var pipeline = Plan(build);

        Assert.Equal([[], [], ["PIPELINE_DEPLOY_TOKEN"]], pipeline.Jobs.Select(j => j.Secrets.ToArray()));
    }

    [Fact]
    public void Declared_jobs_split_the_graph_and_each_skips_what_an_earlier_job_it_needs_ran()
    {
        var build = DeliveryBuild(out var targets);
        build.Ci.Job("compile", targets["Compile"]).RunsOnGitHub("ubuntu-24.04");
        build.Ci.Job("test", targets["Test"]);
        build.Ci.Job("package", targets["Package"]);

        var pipeline = Plan(build);

        Assert.Equal(["compile", "test", "package", "publish-qa", "release"], pipeline.Jobs.Select(j => j.Id));
        Assert.Equal("./build.sh Test --skip Compile", pipeline.Jobs[1].CommandLine());
        Assert.Equal(["test"], pipeline.Jobs[2].Needs);
        Assert.Equal(["package"], pipeline.Jobs[3].Needs);
        Assert.Equal("ubuntu-24.04", pipeline.ImageOf(pipeline.Jobs[0], CiHostKind.GitHubActions));
        Assert.Null(pipeline.ImageOf(pipeline.Jobs[1], CiHostKind.GitHubActions));
    }

    [Fact]
    public void A_partitioned_target_runs_as_a_job_of_slices_whose_results_only_the_merging_job_downloads()
    {
        var build = DeliveryBuild(out var targets);
        targets["Test"].Partition(3);

        var pipeline = Plan(build);

        Assert.Equal(["test", "build", "publish-qa", "release"], pipeline.Jobs.Select(j => j.Id));
        var (slices, merge) = (pipeline.Jobs[0], pipeline.Jobs[1]);
        Assert.Equal(new CiPartition("Test", 3), slices.Partition);
        Assert.Equal("./build.sh Test --partition 2/3", slices.CommandLine("2/3"));
        Assert.Equal("./build.sh Package --skip Test", merge.CommandLine());
        var results = new CiArtifact("partition-test", "artifacts/partitions", "test", IsCandidate: false);
        Assert.Equal([results], slices.Uploads);
        Assert.Equal([results], merge.Downloads);
        Assert.All(pipeline.Jobs.Skip(2), j => Assert.DoesNotContain(results, j.Downloads));
        Assert.Contains("Test", pipeline.Jobs[2].Satisfied);
    }

    [Fact]
    public void One_job_makes_the_candidate_even_when_the_publication_depends_on_targets_of_several_jobs()
    {
        var build = new Build(AbsolutePath.From(Path.Combine(Path.GetTempPath(), "ci-planner")));
        var compile = build.Target("Compile");
        var test = build.Target("Test").DependsOn(compile).Partition(2);
        var package = build.Target("Package").DependsOn(test);
        var smoke = build.Target("Smoke").DependsOn(compile);
        var qa = build.QaEnvironment("qa");
        build.Target("PublishQa").DependsOn(smoke, package, test).PublishesTo(qa, build.Root / "artifacts" / "packages");
        build.Ci.Job("smoke", smoke);
        build.Ci.Job("package", package);

        var pipeline = Plan(build);

        var uploaders = pipeline.Jobs.Where(j => j.Uploads.Any(a => a.IsCandidate)).Select(j => j.Id);
        Assert.Equal(["package"], uploaders);
        Assert.Equal(["package"], pipeline.Jobs.Single(j => j.Id == "publish-qa").Downloads.Select(a => a.FromJob));
    }

    [Fact]
    public void Without_delivery_targets_one_job_runs_the_default_target()
    {
        var build = new Build(AbsolutePath.From(Path.GetTempPath()));
        var compile = build.Target("Compile");
        build.Default(build.Target("Test").DependsOn(compile));

        var job = Assert.Single(Plan(build).Jobs);

        Assert.Equal("./build.sh Test", job.CommandLine());
        Assert.True(job.RunsOnPullRequests);
        Assert.Null(job.Deployment);
    }

    [Fact]
    public void Without_delivery_targets_or_a_default_there_is_no_job_to_derive_and_the_error_says_what_to_declare()
    {
        var build = new Build(AbsolutePath.From(Path.GetTempPath()));
        build.Target("Compile");

        var error = Assert.Throws<BuildDefinitionException>(() => Plan(build));

        Assert.Contains("Default(target) or Ci.Job(", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Build")]
    [InlineData("my job")]
    [InlineData("-x")]
    public void A_job_name_that_is_not_a_valid_id_on_every_host_is_refused(string name)
    {
        var build = new Build(AbsolutePath.From(Path.GetTempPath()));

        var error = Assert.Throws<BuildDefinitionException>(() => build.Ci.Job(name, build.Target("Compile")));

        Assert.Contains("lower-case letters, digits and dashes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schedule_that_is_not_five_cron_fields_is_refused()
    {
        var build = new Build(AbsolutePath.From(Path.GetTempPath()));

        var error = Assert.Throws<BuildDefinitionException>(() => build.Ci.OnSchedule("every night"));

        Assert.Contains("five-field cron", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PublishQa", "publish-qa")]
    [InlineData("Release", "release")]
    [InlineData("ITests", "i-tests")]
    [InlineData("Build2Go", "build2-go")]
    public void A_target_name_becomes_a_kebab_case_job_id(string target, string id) => Assert.Equal(id, CiText.JobId(target));

    private static CiPipeline Plan(Build build) => CiPipelinePlanner.Plan(build, "build/build.csx", "main");

    private static Build DeliveryBuild(out Dictionary<string, Target> targets, ReleasePolicy? policy = null)
    {
        var build = new Build(AbsolutePath.From(Path.Combine(Path.GetTempPath(), "ci-planner")));
        var compile = build.Target("Compile");
        var test = build.Target("Test").DependsOn(compile);
        var package = build.Target("Package").DependsOn(compile, test);
        var qa = build.QaEnvironment("qa");
        var production = build.ProductionEnvironment("production");
        var publishQa = build.Target("PublishQa").DependsOn(package).PublishesTo(qa, build.Root / "artifacts" / "packages");
        var release = build.Target("Release").DependsOn(publishQa).Promotes(qa, production, policy ?? new ReleasePolicy().ContinuousDelivery());
        targets = new Dictionary<string, Target> { ["Compile"] = compile, ["Test"] = test, ["Package"] = package, ["PublishQa"] = publishQa, ["Release"] = release };
        return build;
    }
}
