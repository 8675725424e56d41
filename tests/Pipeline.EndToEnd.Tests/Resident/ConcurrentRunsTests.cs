using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Resident;

/// <summary>
/// Two builds at once, from two repositories, through one user's runner folder: one is served by the resident runner,
/// the other (the runner being busy) in a process of its own; each sees its own working directory and environment, and
/// prints only its own output. The targets wait for each other, so the runs certainly overlap.
/// </summary>
public sealed class ConcurrentRunsTests : IAsyncLifetime
{
    private const string Script = """
        var meet = Target("Meet").Executes(async ct =>
        {
            var self = Environment.GetEnvironmentVariable("RUN_NAME")!;
            var other = self == "first" ? "second" : "first";
            var rendezvous = Environment.GetEnvironmentVariable("RENDEZVOUS")!;
            File.WriteAllText(Path.Combine(rendezvous, self), self);
            Console.WriteLine($"{self} started in {Path.GetFileName(Directory.GetCurrentDirectory())}");
            while (!File.Exists(Path.Combine(rendezvous, other)))
            {
                await Task.Delay(20, ct);
            }

            await Cmd.RunAsync("bash", ["-c", "echo \"child of $RUN_NAME in $(basename \"$PWD\")\""], cancellationToken: ct);
            File.WriteAllText("ran.marker", self);
            WriteAtEnd($"{self} saw {other}");
        });
        Default(meet);
        """;

    private readonly TempRepo _first = new(Script);

    private readonly TempRepo _second = new(Script);

    private readonly ResidentRunners _runners = new();

    private readonly string _rendezvous = Directory.CreateTempSubdirectory("pipeline-rendezvous-").FullName;

    [Fact]
    public async Task Two_runs_at_once_from_two_repositories_both_succeed_each_with_its_own_directory_environment_and_output()
    {
        await using var first = PipelineRunner.Start(_first.Root, [], Environment("first"), through: _runners);
        await using var second = PipelineRunner.Start(_second.Root, [], Environment("second"), through: _runners);
        var results = new Dictionary<string, (RunnerResult Result, TempRepo Repo, string Other)>
        {
            ["first"] = (await first.Completion, _first, "second"),
            ["second"] = (await second.Completion, _second, "first"),
        };

        RouteChecks.ShouldHaveARunnerListening(_runners, results["first"].Result);
        foreach (var (name, (result, repo, other)) in results)
        {
            result.ShouldExitWith(0);
            result.ShouldShowNoStackTrace();
            var folder = Path.GetFileName(repo.Root);
            result.OutputShouldContain($"{name} started in {folder}");
            result.OutputShouldContain($"child of {name} in {folder}");
            Assert.Equal($"{name} saw {other}", result.LastOutputLine);
            result.OutputShouldNotContain($"{other} started");
            result.OutputShouldNotContain($"child of {other}");
            Assert.Equal(name, repo.ReadText("ran.marker"));
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _runners.DisposeAsync();
        _first.Dispose();
        _second.Dispose();
        Directory.Delete(_rendezvous, recursive: true);
    }

    private Dictionary<string, string?> Environment(string name) => new() { ["RUN_NAME"] = name, ["RENDEZVOUS"] = _rendezvous };
}
