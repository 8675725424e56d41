using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Resident;

/// <summary>A resident runner does not outstay its welcome: it leaves when idle and when the runner it is was rebuilt.</summary>
public sealed class RunnerLifetimeTests : IAsyncLifetime
{
    private readonly ResidentRunners _runners = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _runners.DisposeAsync();

    [Fact]
    public async Task A_runner_idle_for_PIPELINE_RUNNER_IDLE_leaves_and_removes_its_socket()
    {
        using var repo = new TempRepo("""Target("Noop").Executes(() => { });""");

        var result = await PipelineRunner.RunAsync(repo.Root, ["Noop"], new Dictionary<string, string?> { ["PIPELINE_RUNNER_IDLE"] = "2s" }, through: _runners);

        result.ShouldExitWith(0);
        Assert.Equal(1, ResidentLogs.RunsServed(_runners));
        Assert.True(await ResidentLogs.AllGoneAsync(_runners), "The runner is still listening long after its idle timeout.");
        Assert.Contains(ResidentLogs.Lines(_runners), line => line.Contains("stopping: idle for", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_runner_whose_assembly_was_rebuilt_leaves()
    {
        using var repo = new TempRepo("""Target("Noop").Executes(() => { });""");
        using var copy = new RunnerCopy();

        var result = RunnerResult.Of(await ChildProcess.RunAsync(
            ResidentRunners.Client,
            [copy.Assembly, "Noop"],
            repo.Root,
            PipelineRunner.ChildEnvironment(_runners.Environment(null))));
        result.ShouldExitWith(0);
        Assert.Single(_runners.Sockets);

        // What a rebuild does to the file the runner was started from.
        File.SetLastWriteTimeUtc(copy.Assembly, DateTime.UtcNow.AddMinutes(1));

        Assert.True(await ResidentLogs.AllGoneAsync(_runners), "The runner still listens after its assembly was rebuilt.");
        Assert.Contains(ResidentLogs.Lines(_runners), line => line.Contains("stopping: the runner's assembly or runtime changed", StringComparison.Ordinal));
    }

    /// <summary>The runner and what it loads, copied to a folder of the test's own, so "rebuilding" it touches nothing shared.</summary>
    private sealed class RunnerCopy : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-runner-copy-").FullName;

        public RunnerCopy()
        {
            foreach (var file in Directory.GetFiles(AppContext.BaseDirectory))
            {
                var name = Path.GetFileName(file);
                if (name.EndsWith(".dll", StringComparison.Ordinal) || name.StartsWith("Pipeline.Runner.", StringComparison.Ordinal))
                {
                    File.Copy(file, Path.Combine(_folder, name));
                }
            }
        }

        public string Assembly => Path.Combine(_folder, "Pipeline.Runner.dll");

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }
}
