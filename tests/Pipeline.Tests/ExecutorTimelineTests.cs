using Pipeline.Execution;

namespace Pipeline.Tests;

/// <summary>Where each target sits on the run's timeline: its start offset and its lane, which the report and the trace draw.</summary>
public class ExecutorTimelineTests
{
    [Fact]
    public async Task Concurrent_targets_take_different_lanes_and_targets_in_one_lane_never_overlap()
    {
        var build = new Build();
        var aStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var a = build.Target("A").Executes(async () =>
        {
            aStarted.SetResult();
            await bStarted.Task.WaitAsync(Runs.HangGuard);
        });
        var b = build.Target("B").Executes(async () =>
        {
            bStarted.SetResult();
            await aStarted.Task.WaitAsync(Runs.HangGuard);
        });
        build.Target("C").DependsOn(a);
        build.Target("D").DependsOn(b);
        build.Target("E").DependsOn(a, b);

        var run = await Runs.RunAsync(build, new RecordingObserver(), new ExecutorOptions(2, false), ["C", "D", "E"]);

        Assert.All(run.Targets, t => Assert.NotNull(t.Started));
        Assert.All(run.Targets, t => Assert.InRange(t.Lane!.Value, 0, 1));
        Assert.NotEqual(Of(run, "A").Lane, Of(run, "B").Lane);
        foreach (var lane in run.Targets.GroupBy(t => t.Lane))
        {
            var ordered = lane.OrderBy(t => t.Started).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(
                    ordered[i - 1].Started + ordered[i - 1].Duration <= ordered[i].Started,
                    $"{ordered[i - 1].Target.Name} and {ordered[i].Target.Name} overlap in lane {lane.Key}.");
            }
        }

        // A dependent starts after what it depends on ended.
        Assert.True(Of(run, "A").Started + Of(run, "A").Duration <= Of(run, "C").Started);
    }

    [Fact]
    public async Task A_sequential_run_uses_one_lane_and_a_target_that_never_started_has_no_place()
    {
        var build = new Build();
        var failing = build.Target("Compile").Executes(() => throw new InvalidOperationException("broken"));
        build.Target("Test").DependsOn(failing);

        var run = await Runs.RunAsync(build, new RecordingObserver(), new ExecutorOptions(1, false), ["Test"]);

        Assert.Equal(0, Of(run, "Compile").Lane);
        Assert.True(Of(run, "Compile").Started >= TimeSpan.Zero);
        Assert.Equal(TargetOutcome.NotRun, Of(run, "Test").Outcome);
        Assert.Null(Of(run, "Test").Lane);
        Assert.Null(Of(run, "Test").Started);
    }

    [Fact]
    public async Task A_command_a_target_runs_is_on_the_timeline_inside_its_target_with_its_masked_command_line_and_exit_code()
    {
        var build = new Build();
        var context = Runs.Context(build);
        context.RegisterSecret("hunter2");
        build.Target("Greet").Executes(ct => Cmd.RunAsync("sh", ["-c", "exit 0", "hunter2"], new CommandOptions { Quiet = true }, ct));

        var run = await Runs.RunAsync(build, context, "Greet");

        var process = Assert.Single(context.Timeline.Processes);
        Assert.Same(build.Targets.Single(), process.Target);
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("sh -c", process.CommandLine, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", process.CommandLine, StringComparison.Ordinal);
        var target = run.Result("Greet");
        Assert.True(process.Started >= target.Started && process.Started + process.Duration <= target.Started + target.Duration, $"{process} is not inside {target}.");
    }

    private static TargetResult Of(RunResult run, string name) => run.Targets.Single(t => t.Target.Name == name);
}
