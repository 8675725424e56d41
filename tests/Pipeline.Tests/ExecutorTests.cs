using Pipeline.Execution;

namespace Pipeline.Tests;

public class ExecutorTests
{
    private static readonly ExecutorOptions Sequential = new(1, false);

    [Fact]
    public async Task A_sequential_run_executes_targets_in_plan_order()
    {
        var build = new Build();
        var ran = new List<string>();
        var restore = build.Target("Restore").Executes(() => ran.Add("Restore"));
        var compile = build.Target("Compile").DependsOn(restore).Executes(() => ran.Add("Compile"));
        build.Target("Lint").Executes(() => ran.Add("Lint"));
        build.Target("Test").DependsOn(compile).Executes(() => ran.Add("Test"));
        var observer = new RecordingObserver();

        var run = await Runs.RunAsync(build, observer, Sequential, ["Test", "Lint"]);

        Assert.Equal(["Restore", "Compile", "Lint", "Test"], ran);
        Assert.Equal(ran, observer.Started);
        Assert.Equal(ran, observer.Finished.Select(r => r.Target.Name));
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.False(run.Cancelled);
        Assert.All(run.Targets, t => Assert.Equal(TargetOutcome.Succeeded, t.Outcome));
    }

    [Fact]
    public async Task Run_result_lists_targets_in_plan_order()
    {
        var build = new Build();
        var b = build.Target("B");
        build.Target("A").DependsOn(b);

        var run = await Runs.RunAsync(build, "A");

        Assert.Equal(["B", "A"], run.Targets.Select(t => t.Target.Name));
    }

    [Fact]
    public async Task Several_bodies_of_one_target_run_in_the_order_they_were_added()
    {
        var build = new Build();
        var ran = new List<string>();
        build.Target("Compile")
            .Executes(() => ran.Add("sync"))
            .Executes(_ => ran.Add("sync with token"))
            .Executes(async () =>
            {
                await Task.Yield();
                ran.Add("async");
            })
            .Executes(async token =>
            {
                await Task.Yield();
                ran.Add("async with token");
            });

        await Runs.RunAsync(build, "Compile");

        Assert.Equal(["sync", "sync with token", "async", "async with token"], ran);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Each_target_runs_once_even_when_many_targets_depend_on_it(int parallelism)
    {
        var build = new Build();
        var runs = new int[4];
        var a = build.Target("A").Executes(() => Interlocked.Increment(ref runs[0]));
        var b = build.Target("B").DependsOn(a).Executes(() => Interlocked.Increment(ref runs[1]));
        var c = build.Target("C").DependsOn(a).Executes(() => Interlocked.Increment(ref runs[2]));
        build.Target("D").DependsOn(a, b, c).Executes(() => Interlocked.Increment(ref runs[3]));

        var run = await Runs.RunAsync(build, new RecordingObserver(), new ExecutorOptions(parallelism, false), ["D", "B", "C", "A"]);

        Assert.Equal([1, 1, 1, 1], runs);
        Assert.Equal(4, run.Targets.Count);
    }

    [Fact]
    public async Task A_target_starts_only_after_every_predecessor_finished()
    {
        var build = new Build();
        var finished = new HashSet<string>();
        var violations = new List<string>();
        var gate = new Lock();
        Target Declare(string name, params Target[] dependencies) => build.Target(name).DependsOn(dependencies).Executes(async () =>
        {
            lock (gate)
            {
                violations.AddRange(dependencies.Where(d => !finished.Contains(d.Name)).Select(d => $"{name} before {d.Name}"));
            }

            await Task.Yield();
            lock (gate)
            {
                finished.Add(name);
            }
        });
        var a = Declare("A");
        var b = Declare("B", a);
        var c = Declare("C", a);
        var d = Declare("D", b, c);
        Declare("E", d, a);

        var run = await Runs.RunAsync(build, new RecordingObserver(), new ExecutorOptions(4, false), ["E"]);

        Assert.Empty(violations);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
    }

    [Fact]
    public async Task The_parallelism_bound_is_reached_and_never_exceeded()
    {
        const int bound = 3;
        const int count = 8;
        var build = new Build();
        var current = 0;
        var max = 0;
        var started = new SemaphoreSlim(0);
        var release = new SemaphoreSlim(0);
        for (var i = 0; i < count; i++)
        {
            build.Target($"T{i}").Executes(async () =>
            {
                var now = Interlocked.Increment(ref current);
                InterlockedMax(ref max, now);
                started.Release();
                await release.WaitAsync(Runs.HangGuard);
                Interlocked.Decrement(ref current);
            });
        }

        var running = Runs.RunAsync(build, new RecordingObserver(), new ExecutorOptions(bound, false), [.. build.Targets.Select(t => t.Name)]);

        for (var i = 0; i < bound; i++)
        {
            Assert.True(await started.WaitAsync(Runs.HangGuard), "the first targets did not start");
        }

        Assert.Equal(bound, Volatile.Read(ref current));
        for (var i = bound; i < count; i++)
        {
            release.Release();
            Assert.True(await started.WaitAsync(Runs.HangGuard), "a waiting target did not start after a slot freed");
        }

        release.Release(bound);
        var run = await running;

        Assert.Equal(bound, max);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(count, run.Targets.Count(t => t.Outcome == TargetOutcome.Succeeded));
    }

    [Fact]
    public async Task Two_independent_targets_run_concurrently_when_parallelism_is_two()
    {
        var build = new Build();
        var aStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        build.Target("A").Executes(async () =>
        {
            aStarted.SetResult();
            await bStarted.Task.WaitAsync(Runs.HangGuard);
        });
        build.Target("B").Executes(async () =>
        {
            bStarted.SetResult();
            await aStarted.Task.WaitAsync(Runs.HangGuard);
        });

        var run = await Runs.RunAsync(build, new RecordingObserver(), new ExecutorOptions(2, false), ["A", "B"]);

        Assert.Equal(TargetOutcome.Succeeded, run.Outcome("A"));
        Assert.Equal(TargetOutcome.Succeeded, run.Outcome("B"));
    }

    [Fact]
    public async Task With_parallelism_one_a_second_target_does_not_start_while_the_first_runs()
    {
        var build = new Build();
        var current = 0;
        var max = 0;
        for (var i = 0; i < 5; i++)
        {
            build.Target($"T{i}").Executes(async () =>
            {
                InterlockedMax(ref max, Interlocked.Increment(ref current));
                await Task.Yield();
                Interlocked.Decrement(ref current);
            });
        }

        await Runs.RunAsync(build, new RecordingObserver(), Sequential, [.. build.Targets.Select(t => t.Name)]);

        Assert.Equal(1, max);
    }

    [Fact]
    public async Task After_a_failure_nothing_new_starts_and_dependents_are_not_run()
    {
        var build = new Build();
        var compile = build.Target("Compile").Executes(() => throw new InvalidOperationException("boom"));
        var lintRan = false;
        var testRan = false;
        build.Target("Lint").Executes(() => lintRan = true);
        build.Target("Test").DependsOn(compile).Executes(() => testRan = true);
        var observer = new RecordingObserver();

        var run = await Runs.RunAsync(build, observer, Sequential, ["Test", "Lint"]);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Equal(TargetOutcome.Failed, run.Outcome("Compile"));
        Assert.Equal("InvalidOperationException: boom", run.Result("Compile").Reason);
        Assert.Equal(TargetOutcome.NotRun, run.Outcome("Lint"));
        Assert.Equal("Compile failed", run.Result("Lint").Reason);
        Assert.Equal(TargetOutcome.NotRun, run.Outcome("Test"));
        Assert.Equal("Compile failed", run.Result("Test").Reason);
        Assert.False(lintRan);
        Assert.False(testRan);
        Assert.Equal(["Compile"], observer.Started);
    }

    [Fact]
    public async Task A_failure_while_another_target_runs_lets_it_finish_but_starts_nothing_new()
    {
        var build = new Build();
        var slowStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failureSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        build.Target("Slow").Executes(async () =>
        {
            slowStarted.SetResult();
            await failureSeen.Task.WaitAsync(Runs.HangGuard);
        });
        build.Target("Fails").Executes(async () =>
        {
            await slowStarted.Task.WaitAsync(Runs.HangGuard);
            throw new InvalidOperationException("boom");
        });
        build.Target("Later").Executes(() => { });
        var observer = new RecordingObserver
        {
            OnFinished = result =>
            {
                if (result.Target.Name == "Fails")
                {
                    failureSeen.TrySetResult();
                }
            },
        };

        var run = await Runs.RunAsync(build, observer, new ExecutorOptions(2, false), ["Slow", "Fails", "Later"]);

        Assert.Equal(TargetOutcome.Succeeded, run.Outcome("Slow"));
        Assert.Equal(TargetOutcome.Failed, run.Outcome("Fails"));
        Assert.Equal(TargetOutcome.NotRun, run.Outcome("Later"));
        Assert.DoesNotContain("Later", observer.Started);
        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
    }

    [Fact]
    public async Task Dependents_of_a_target_that_did_not_run_are_not_run_either()
    {
        var build = new Build();
        var compile = build.Target("Compile").Executes(() => throw new InvalidOperationException("boom"));
        var test = build.Target("Test").DependsOn(compile);
        build.Target("Pack").DependsOn(test);

        var run = await Runs.RunAsync(build, new RecordingObserver(), new ExecutorOptions(1, true), ["Pack"]);

        Assert.Equal("Compile failed", run.Result("Test").Reason);
        Assert.Equal(TargetOutcome.NotRun, run.Outcome("Pack"));
        Assert.Equal("Test did not run", run.Result("Pack").Reason);
    }

    [Fact]
    public async Task An_always_run_target_still_runs_after_an_earlier_failure()
    {
        var build = new Build();
        build.Target("Compile").Executes(() => throw new InvalidOperationException("boom"));
        var cleaned = false;
        build.Target("Cleanup").AlwaysRun().Executes(() => cleaned = true);

        var run = await Runs.RunAsync(build, "Compile", "Cleanup");

        Assert.True(cleaned);
        Assert.Equal(TargetOutcome.Succeeded, run.Outcome("Cleanup"));
        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
    }

    [Fact]
    public async Task An_always_run_target_runs_even_when_its_own_dependency_failed()
    {
        var build = new Build();
        var test = build.Target("Test").Executes(() => throw new InvalidOperationException("boom"));
        var reported = false;
        build.Target("Report").DependsOn(test).AlwaysRun().Executes(() => reported = true);

        var run = await Runs.RunAsync(build, "Report");

        Assert.True(reported);
        Assert.Equal(TargetOutcome.Succeeded, run.Outcome("Report"));
        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
    }

    [Fact]
    public async Task A_failing_always_run_target_fails_the_build()
    {
        var build = new Build();
        build.Target("Cleanup").AlwaysRun().Executes(() => throw new IOException("disk"));

        var run = await Runs.RunAsync(build, "Cleanup");

        Assert.Equal(TargetOutcome.Failed, run.Outcome("Cleanup"));
        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
    }

    [Fact]
    public async Task Keep_going_runs_independent_targets_but_not_dependents_of_the_failure()
    {
        var build = new Build();
        var compile = build.Target("Compile").Executes(() => throw new InvalidOperationException("boom"));
        var lintRan = false;
        var testRan = false;
        build.Target("Lint").Executes(() => lintRan = true);
        build.Target("Test").DependsOn(compile).Executes(() => testRan = true);

        var run = await Runs.RunAsync(build, new RecordingObserver(), new ExecutorOptions(1, true), ["Test", "Lint"]);

        Assert.True(lintRan);
        Assert.False(testRan);
        Assert.Equal(TargetOutcome.Succeeded, run.Outcome("Lint"));
        Assert.Equal(TargetOutcome.NotRun, run.Outcome("Test"));
        Assert.Equal("Compile failed", run.Result("Test").Reason);
        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
    }

    [Fact]
    public async Task Keep_going_runs_a_target_ordered_after_the_failure_by_an_ordering_only_edge()
    {
        var build = new Build();
        var compile = build.Target("Compile").Executes(() => throw new InvalidOperationException("boom"));
        var docsRan = false;
        build.Target("Docs").After(compile).Executes(() => docsRan = true);

        var run = await Runs.RunAsync(build, new RecordingObserver(), new ExecutorOptions(1, true), ["Compile", "Docs"]);

        Assert.True(docsRan);
        Assert.Equal(TargetOutcome.Succeeded, run.Outcome("Docs"));
    }

    [Fact]
    public async Task Without_keep_going_a_target_ordered_after_the_failure_is_not_run()
    {
        var build = new Build();
        var compile = build.Target("Compile").Executes(() => throw new InvalidOperationException("boom"));
        build.Target("Docs").After(compile).Executes(() => { });

        var run = await Runs.RunAsync(build, "Compile", "Docs");

        Assert.Equal(TargetOutcome.NotRun, run.Outcome("Docs"));
    }

    [Fact]
    public async Task A_target_triggered_by_a_failed_target_is_not_run()
    {
        var build = new Build();
        var report = build.Target("Report").Executes(() => { });
        build.Target("Test").Triggers(report).Executes(() => throw new InvalidOperationException("boom"));

        var run = await Runs.RunAsync(build, new RecordingObserver(), new ExecutorOptions(1, true), ["Test"]);

        Assert.Equal(TargetOutcome.NotRun, run.Outcome("Report"));
        Assert.Equal("Test failed", run.Result("Report").Reason);
    }

    [Fact]
    public async Task An_allowed_failure_does_not_fail_the_build_and_its_dependents_run()
    {
        var build = new Build();
        var flaky = build.Target("Flaky").AllowFailure().Executes(() => throw new InvalidOperationException("flaked"));
        var packed = false;
        build.Target("Pack").DependsOn(flaky).Executes(() => packed = true);

        var run = await Runs.RunAsync(build, "Pack");

        var result = run.Result("Flaky");
        Assert.Equal(TargetOutcome.Failed, result.Outcome);
        Assert.True(result.FailureAllowed);
        Assert.False(result.FailsBuild);
        Assert.True(result.LetsDependentsRun);
        Assert.Equal("InvalidOperationException: flaked", result.Reason);
        Assert.True(packed);
        Assert.Equal(TargetOutcome.Succeeded, run.Outcome("Pack"));
        Assert.Equal(ExitCodes.Success, run.ExitCode);
    }

    [Fact]
    public async Task An_allowed_failure_does_not_stop_independent_targets_either()
    {
        var build = new Build();
        build.Target("Flaky").AllowFailure().Executes(() => throw new InvalidOperationException("flaked"));
        build.Target("Other").Executes(() => { });

        var run = await Runs.RunAsync(build, "Flaky", "Other");

        Assert.Equal(TargetOutcome.Succeeded, run.Outcome("Other"));
        Assert.Equal(ExitCodes.Success, run.ExitCode);
    }

    [Fact]
    public async Task A_false_condition_skips_the_target_with_the_given_reason_and_dependents_run()
    {
        var build = new Build();
        var bodyRan = false;
        var publish = build.Target("Publish").OnlyWhen(() => false, "only on CI").Executes(() => bodyRan = true);
        var announced = false;
        build.Target("Announce").DependsOn(publish).Executes(() => announced = true);
        var observer = new RecordingObserver();

        var run = await Runs.RunAsync(build, observer, Sequential, ["Announce"]);

        Assert.False(bodyRan);
        Assert.Equal(TargetOutcome.Skipped, run.Outcome("Publish"));
        Assert.Equal("only on CI", run.Result("Publish").Reason);
        Assert.True(announced);
        Assert.DoesNotContain("Publish", observer.Started);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
    }

    [Fact]
    public async Task Without_a_reason_the_skip_shows_the_condition_source_text()
    {
        var build = new Build();
        var isCi = false;
        build.Target("Publish").OnlyWhen(() => isCi).Executes(() => { });

        var run = await Runs.RunAsync(build, "Publish");

        Assert.Equal(TargetOutcome.Skipped, run.Outcome("Publish"));
        Assert.Equal("() => isCi", run.Result("Publish").Reason);
    }

    [Fact]
    public async Task The_first_false_condition_gives_the_reason()
    {
        var build = new Build();
        build.Target("Publish").OnlyWhen(() => true, "first").OnlyWhen(() => false, "second").OnlyWhen(() => false, "third");

        var run = await Runs.RunAsync(build, "Publish");

        Assert.Equal("second", run.Result("Publish").Reason);
    }

    [Fact]
    public async Task A_condition_is_evaluated_when_the_target_turn_comes()
    {
        var build = new Build();
        var ready = false;
        var prepare = build.Target("Prepare").Executes(() => ready = true);
        var ran = false;
        build.Target("Use").DependsOn(prepare).OnlyWhen(() => ready).Executes(() => ran = true);

        var run = await Runs.RunAsync(build, "Use");

        Assert.True(ran);
        Assert.Equal(TargetOutcome.Succeeded, run.Outcome("Use"));
    }

    [Fact]
    public async Task A_condition_that_throws_fails_the_target()
    {
        var build = new Build();
        build.Target("Publish").OnlyWhen(() => throw new InvalidOperationException("no CI info")).Executes(() => { });

        var run = await Runs.RunAsync(build, "Publish");

        Assert.Equal(TargetOutcome.Failed, run.Outcome("Publish"));
        Assert.Equal("InvalidOperationException: no CI info", run.Result("Publish").Reason);
    }

    [Fact]
    public async Task A_target_skipped_by_request_reports_skip_and_its_dependents_still_run()
    {
        var build = new Build();
        var compiled = false;
        var compile = build.Target("Compile").Executes(() => compiled = true);
        var tested = false;
        build.Target("Test").DependsOn(compile).Executes(() => tested = true);
        var observer = new RecordingObserver();

        var run = await Runs.RunAsync(build, observer, Sequential, ["Test"], skip: ["Compile"]);

        Assert.False(compiled);
        Assert.True(tested);
        Assert.Equal(TargetOutcome.Skipped, run.Outcome("Compile"));
        Assert.Equal("--skip", run.Result("Compile").Reason);
        Assert.Equal(["Test"], observer.Started);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
    }

    [Fact]
    public async Task A_body_sees_its_own_target_as_the_current_target()
    {
        var build = new Build();
        Target? seen = null;
        var compile = build.Target("Compile").Executes((run, _) => seen = run.CurrentTarget.Value);

        await Runs.RunAsync(build, "Compile");

        Assert.Same(compile, seen);
    }

    [Fact]
    public async Task A_run_cancelled_before_it_starts_runs_nothing_and_exits_130()
    {
        var build = new Build();
        var ran = false;
        build.Target("Compile").Executes(() => ran = true);
        build.Target("Cleanup").AlwaysRun().Executes(() => ran = true);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var run = await Runs.RunAsync(build, new RecordingObserver(), Sequential, ["Compile", "Cleanup"], cancellation: cancellation.Token);

        Assert.False(ran);
        Assert.All(run.Targets, t => Assert.Equal(TargetOutcome.NotRun, t.Outcome));
        Assert.All(run.Targets, t => Assert.Equal("the run was cancelled", t.Reason));
        Assert.True(run.Cancelled);
        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
    }

    [Fact]
    public async Task Cancelling_a_body_that_observes_the_token_reports_cancelled_and_runs_nothing_further()
    {
        var build = new Build();
        using var cancellation = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var compile = build.Target("Compile").Executes(async token =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
        });
        var laterRan = false;
        build.Target("Later").Executes(() => laterRan = true);
        build.Target("Cleanup").AlwaysRun().DependsOn(compile).Executes(() => laterRan = true);

        var running = Runs.RunAsync(build, new RecordingObserver(), Sequential, ["Compile", "Later", "Cleanup"], cancellation: cancellation.Token);
        await started.Task.WaitAsync(Runs.HangGuard);
        await cancellation.CancelAsync();
        var run = await running;

        Assert.Equal(TargetOutcome.Cancelled, run.Outcome("Compile"));
        Assert.Equal(TargetOutcome.NotRun, run.Outcome("Later"));
        Assert.Equal(TargetOutcome.NotRun, run.Outcome("Cleanup"));
        Assert.False(laterRan);
        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
    }

    [Fact]
    public async Task A_forced_stop_stops_waiting_for_a_body_that_ignores_the_token_and_reports_it_cancelled()
    {
        var build = new Build();
        using var cancellation = new CancellationTokenSource();
        using var forced = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stubborn = build.Target("Stubborn").Executes(async () =>
        {
            started.SetResult();
            await release.Task;
        });
        var laterRan = false;
        build.Target("Later").After(stubborn).Executes(() => laterRan = true);
        var observer = new RecordingObserver();

        var running = Runs.RunAsync(build, observer, Sequential, ["Stubborn", "Later"], cancellation: cancellation.Token, forced: forced.Token);
        try
        {
            await started.Task.WaitAsync(Runs.HangGuard);
            await cancellation.CancelAsync();
            await forced.CancelAsync();
            var run = await running;

            Assert.Equal(TargetOutcome.Cancelled, run.Outcome("Stubborn"));
            Assert.Equal("forced stop", run.Result("Stubborn").Reason);
            Assert.Equal(TargetOutcome.NotRun, run.Outcome("Later"));
            Assert.False(laterRan);
            Assert.Equal(["Stubborn", "Later"], observer.Finished.Select(r => r.Target.Name));
            Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
        }
        finally
        {
            release.TrySetResult();
        }
    }

    [Fact]
    public async Task Cancelling_kills_a_running_child_process_and_its_children()
    {
        var sleeping = new FirstOutputLine();
        var build = new Build();
        using var cancellation = new CancellationTokenSource();
        var run = build.Target("Run").Executes(token => Cmd.RunAsync(
            "bash",
            ["-c", "sleep 300 & echo $!; wait"],
            new CommandOptions { LogLine = sleeping.Take },
            token));
        var laterRan = false;
        build.Target("Later").After(run).Executes(() => laterRan = true);

        var running = Runs.RunAsync(build, new RecordingObserver(), Sequential, ["Run", "Later"], cancellation: cancellation.Token);
        var pid = await sleeping.ProcessIdAsync().WaitAsync(Runs.HangGuard);
        try
        {
            Assert.True(ProcessProbe.IsAlive(pid), "the grandchild sleep should be running before cancellation");
            await cancellation.CancelAsync();
            var result = await running;

            Assert.Equal(TargetOutcome.Cancelled, result.Outcome("Run"));
            Assert.Equal(TargetOutcome.NotRun, result.Outcome("Later"));
            Assert.False(laterRan);
            Assert.True(result.Cancelled);
            Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
            Assert.True(await ProcessProbe.WaitForExitAsync(pid, Runs.HangGuard), $"the grandchild process {pid} survived cancellation");
        }
        finally
        {
            // Never leave a 300-second sleep behind, whatever the outcome.
            ProcessProbe.Kill(pid);
        }
    }

    private static void InterlockedMax(ref int location, int value)
    {
        var seen = Volatile.Read(ref location);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref location, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
