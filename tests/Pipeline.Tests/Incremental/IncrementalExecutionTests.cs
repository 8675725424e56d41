using Pipeline.Execution;
using Pipeline.Incremental;

namespace Pipeline.Tests.Incremental;

/// <summary>The executor and the up-to-date checks together, in a real folder, without the runner.</summary>
public sealed class IncrementalExecutionTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task A_cancelled_run_records_nothing_and_the_next_run_runs_the_body()
    {
        File.WriteAllText(_root.Combine("in.txt"), "input");
        var started = new TaskCompletionSource();
        var calls = 0;
        var build = new Build(AbsolutePath.From(_root.Path));
        build.Target("Slow").Inputs("in.txt").Outputs("out.txt").Executes(async ct =>
        {
            if (Interlocked.Increment(ref calls) > 1)
            {
                await File.WriteAllTextAsync(_root.Combine("out.txt"), "whole", ct);
                return;
            }

            await File.WriteAllTextAsync(_root.Combine("out.txt"), "half", ct);
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        });
        using var cancellation = new CancellationTokenSource();

        var run = RunAsync(build, cancellation.Token, 1, "Slow");
        if (await Task.WhenAny(started.Task, run).WaitAsync(Runs.HangGuard) == run)
        {
            Assert.Fail($"The body never started: {(await run).Result("Slow").Reason}");
        }

        await cancellation.CancelAsync();
        var cancelled = await run;

        Assert.Equal(TargetOutcome.Cancelled, cancelled.Outcome("Slow"));
        Assert.False(Directory.Exists(_root.Combine(".pipeline", "state")) && Directory.EnumerateFiles(_root.Combine(".pipeline", "state"), "*.state").Any());
        var next = await RunAsync(build, CancellationToken.None, 1, "Slow");
        Assert.Equal(TargetOutcome.Succeeded, next.Outcome("Slow"));
        Assert.Null(next.Result("Slow").Reuse);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Targets_running_in_parallel_each_record_a_whole_state_and_are_up_to_date_next_time()
    {
        var build = new Build(AbsolutePath.From(_root.Path));
        var calls = 0;
        var names = Enumerable.Range(1, 6).Select(i => $"T{i}").ToArray();
        foreach (var name in names)
        {
            File.WriteAllText(_root.Combine($"{name}.in"), name);
            build.Target(name).Inputs($"{name}.in", "shared/**").Outputs($"out/{name}/").Executes(async () =>
            {
                Interlocked.Increment(ref calls);
                Directory.CreateDirectory(_root.Combine("out", name));
                for (var i = 0; i < 20; i++)
                {
                    await File.WriteAllTextAsync(_root.Combine("out", name, $"{i}.txt"), $"{name} {i}");
                }
            });
        }

        Directory.CreateDirectory(_root.Combine("shared"));
        File.WriteAllText(_root.Combine("shared", "common.txt"), "common");

        var first = await RunAsync(build, CancellationToken.None, parallelism: 6, names);
        var second = await RunAsync(build, CancellationToken.None, parallelism: 6, names);

        Assert.All(first.Targets, t => Assert.Equal(TargetOutcome.Succeeded, t.Outcome));
        Assert.All(second.Targets, t => Assert.Equal(ReuseKind.UpToDate, t.Reuse?.Kind));
        Assert.Equal(names.Length, calls);
        var states = Directory.EnumerateFiles(_root.Combine(".pipeline", "state"), "*.state").ToList();
        Assert.Equal(names.Length, states.Count);
        Assert.All(states, s => Assert.NotNull(TargetStateFormat.Read(File.ReadAllText(s))));
    }

    private static Task<RunResult> RunAsync(Build build, CancellationToken cancellation, int parallelism = 1, params string[] names)
    {
        var context = Runs.Context(build);
        var options = new ExecutorOptions(parallelism, false) { Incremental = new IncrementalTargets(context, cache: null, ForceRequest.None) };
        return Runs.RunAsync(build, new RecordingObserver(), options, names, cancellation: cancellation, context: context);
    }
}
