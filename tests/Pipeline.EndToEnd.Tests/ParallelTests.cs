using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests;

/// <summary>
/// Concurrency is proved with files, not clocks: each of two independent targets creates its own marker,
/// then waits (bounded) until the other's marker exists, and reports whether it saw the other running.
/// </summary>
public sealed class ParallelTests : IDisposable
{
    private const string Script = """
        var waitMs = Parameter("wait-ms", 300000, "How long each target waits to see the other one running (a hang guard when they must meet)");
        var mustMeet = Parameter("must-meet", false, "Fail when the other target was not seen running");

        async Task Meet(string self, string other)
        {
            Directory.CreateDirectory("markers");
            var mine = Path.Combine("markers", self + ".running");
            var theirs = Path.Combine("markers", other + ".running");
            File.WriteAllText(mine, self);
            Console.WriteLine($"{self} started");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!File.Exists(theirs) && clock.ElapsedMilliseconds < waitMs.Value)
            {
                await Task.Delay(20);
            }

            var saw = File.Exists(theirs);
            await Cmd.RunAsync("echo", [$"{self} says hello from a child process"]);
            Console.WriteLine(saw ? $"{self} saw {other} running" : $"{self} ran alone");
            if (mustMeet.Value && !saw)
            {
                throw new TimeoutException($"{self} never saw {other} running");
            }

            File.Delete(mine);
        }

        var left = Target("Left").Executes(() => Meet("Left", "Right"));
        var right = Target("Right").Executes(() => Meet("Right", "Left"));
        var both = Target("Both").DependsOn(left, right).Executes(() => Console.WriteLine("both done"));
        Default(both);
        """;

    private readonly TempRepo _repo = new(Script);

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task Parallel_2_runs_independent_targets_at_the_same_time_and_prefixes_their_lines()
    {
        var result = await _repo.RunAsync("--parallel", "2", "--must-meet", "true");

        result.ShouldExitWith(0);
        var lines = result.OutputLines;
        Assert.Contains("[Left] Left saw Right running", lines);
        Assert.Contains("[Right] Right saw Left running", lines);
        Assert.Contains("[Left] Left started", lines);
        Assert.Contains("[Right] Right started", lines);

        // A child process's output is labelled with the target that started it.
        Assert.Contains("[Left] Left says hello from a child process", lines);
        Assert.Contains("[Right] Right says hello from a child process", lines);
        Assert.Contains("[Both] both done", lines);
        Assert.Equal("succeeded", result.OutcomeOf("Left"));
        Assert.Equal("succeeded", result.OutcomeOf("Right"));
        Assert.Equal("succeeded", result.OutcomeOf("Both"));
    }

    [Fact]
    public async Task Without_parallel_targets_run_one_after_another_without_prefixes()
    {
        // Each target looks for the other for a moment; run one after another, neither ever sees the other.
        var result = await _repo.RunAsync("--wait-ms", "300");

        result.ShouldExitWith(0);
        var lines = result.OutputLines.ToList();
        Assert.Contains("Left ran alone", lines);
        Assert.Contains("Right ran alone", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("[Left]", StringComparison.Ordinal) || l.StartsWith("[Right]", StringComparison.Ordinal));
        Assert.True(lines.IndexOf("Left ran alone") < lines.IndexOf("Right started"), result.ToString());
    }

    // Regression: this crashed with an unhandled NotSupportedException (exit code 134) in the first version of CommandLineParser.
    [Fact]
    public async Task Parallel_without_a_count_followed_by_a_target_name_runs_that_target_concurrently()
    {
        var result = await _repo.RunAsync("--parallel", "Both", "--wait-ms", "100");

        result.ShouldExitWith(0);
        result.ShouldShowNoStackTrace();
        Assert.Equal("succeeded", result.OutcomeOf("Left"));
        Assert.Equal("succeeded", result.OutcomeOf("Right"));
        Assert.Equal("succeeded", result.OutcomeOf("Both"));
    }
}
