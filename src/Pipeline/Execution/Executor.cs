using System.Diagnostics;
using Pipeline.Planning;

namespace Pipeline.Execution;

/// <summary>
/// Runs a plan: each target once, at most <see cref="ExecutorOptions.MaxParallelism"/> at a time, the earliest
/// planned ready target first. After a failure nothing new starts (unless keep-going), running targets
/// finish, and always-run targets still run. After cancellation nothing new starts at all; after a forced
/// stop the run no longer waits for the targets still running either, and records them as cancelled.
/// </summary>
internal sealed class Executor(ExecutionPlan plan, ExecutorOptions options, IRunObserver observer, RunContext run)
{
    private readonly TargetResult?[] _results = new TargetResult?[plan.Order.Count];
    private readonly FailureMessage _failures = new(run.Root, run.Secrets);
    private readonly TimeSpan?[] _started = new TimeSpan?[plan.Order.Count];
    private readonly int?[] _lanes = new int?[plan.Order.Count];

    /// <param name="forced">Stops waiting for running targets (their processes were killed; one that ignores its token may never end).</param>
    public async Task<RunResult> RunAsync(CancellationToken cancellation, CancellationToken forced = default)
    {
        var wall = Stopwatch.StartNew();
        var startedAt = run.Time.GetUtcNow();
        run.Timeline.Start();
        var laneBusy = new bool[Math.Min(options.MaxParallelism, plan.Order.Count)];
        var successors = plan.Order.Select(_ => new List<int>()).ToArray();
        var waitingFor = new int[plan.Order.Count];
        foreach (var planned in plan.Order)
        {
            foreach (var predecessor in planned.Predecessors)
            {
                successors[predecessor].Add(planned.Position);
                waitingFor[planned.Position]++;
            }
        }

        var ready = new PriorityQueue<int, int>();
        var running = new Dictionary<Task<TargetResult>, int>();
        var forcedStop = new TaskCompletionSource();
        using var forcedRegistration = forced.Register(() => forcedStop.TrySetResult());
        bool Cancelled() => cancellation.IsCancellationRequested || forced.IsCancellationRequested;
        void Finish(int position, TargetResult result)
        {
            _results[position] = result;
            foreach (var successor in successors[position])
            {
                if (--waitingFor[successor] == 0)
                {
                    ready.Enqueue(successor, successor);
                }
            }
        }

        for (var i = 0; i < waitingFor.Length; i++)
        {
            if (waitingFor[i] == 0)
            {
                ready.Enqueue(i, i);
            }
        }

        while (ready.Count > 0 || running.Count > 0)
        {
            while (running.Count < options.MaxParallelism && ready.TryDequeue(out var next, out _))
            {
                var planned = plan.Order[next];
                if (WhyNotRun(planned, Cancelled()) is { } reason)
                {
                    var notRun = new TargetResult(planned.Target, TargetOutcome.NotRun, TimeSpan.Zero, reason);
                    observer.TargetFinished(notRun);
                    Finish(next, notRun);
                    continue;
                }

                // The lowest free slot: a lane is busy from start to finish, so its targets never overlap in time.
                var lane = 0;
                while (laneBusy[lane])
                {
                    lane++;
                }

                laneBusy[lane] = true;
                _lanes[next] = lane;
                running.Add(Task.Run(() => RunTargetAsync(planned, cancellation), CancellationToken.None), next);
            }

            if (running.Count == 0)
            {
                continue;
            }

            await Task.WhenAny(running.Keys.Append(forcedStop.Task)).ConfigureAwait(false);

            // Take in every target that has finished by now, so a failure is known before anything new starts.
            foreach (var done in running.Keys.Where(t => t.IsCompleted).ToList())
            {
                var position = running[done];
                running.Remove(done);
                laneBusy[_lanes[position]!.Value] = false;
                var result = Placed(position, await done.ConfigureAwait(false));
                observer.TargetFinished(result);
                Finish(position, result);
            }

            if (forced.IsCancellationRequested)
            {
                foreach (var position in running.Values)
                {
                    var ranFor = run.Timeline.Now - (_started[position] ?? run.Timeline.Now);
                    var abandoned = Placed(position, new TargetResult(plan.Order[position].Target, TargetOutcome.Cancelled, ranFor, "forced stop"));
                    observer.TargetFinished(abandoned);
                    Finish(position, abandoned);
                }

                running.Clear();
            }
        }

        return new RunResult([.. _results.Select(r => r!)], wall.Elapsed, Cancelled()) { StartedAt = startedAt };
    }

    /// <summary>The result with where it sits on the run's timeline: when it started and in which lane.</summary>
    private TargetResult Placed(int position, TargetResult result) =>
        result with { Started = _started[position], Lane = _lanes[position] };

    /// <summary>Null when the target may start now; otherwise the reason it will not run at all.</summary>
    private string? WhyNotRun(PlannedTarget planned, bool cancelled)
    {
        if (cancelled)
        {
            return "the run was cancelled";
        }

        if (planned.Target.RunsAlways)
        {
            return null;
        }

        var blocker = planned.RequiredPredecessors.Select(p => _results[p]!).FirstOrDefault(r => !r.LetsDependentsRun);
        if (blocker is not null)
        {
            return blocker.Outcome == TargetOutcome.Failed ? $"{blocker.Target.Name} failed" : $"{blocker.Target.Name} did not run";
        }

        if (!options.KeepGoing && _results.FirstOrDefault(r => r is { FailsBuild: true }) is { } failed)
        {
            return $"{failed.Target.Name} failed";
        }

        return null;
    }

    private async Task<TargetResult> RunTargetAsync(PlannedTarget planned, CancellationToken cancellation)
    {
        var target = planned.Target;
        // The target's start and duration are read off the run's timeline, as its child processes' are: they nest exactly.
        var started = run.Timeline.Now;
        _started[planned.Position] = started;
        TimeSpan Elapsed() => run.Timeline.Now - started;
        if (planned.SkippedByRequest)
        {
            return options.SettleSkipped?.Invoke(target) ?? new TargetResult(target, TargetOutcome.Skipped, TimeSpan.Zero, "--skip");
        }

        if (options.Preskipped?.GetValueOrDefault(target) is { } reason)
        {
            return options.SettleSkipped?.Invoke(target) ?? new TargetResult(target, TargetOutcome.Skipped, TimeSpan.Zero, reason);
        }

        TargetAction? current = null;
        try
        {
            var unmet = target.Conditions.FirstOrDefault(c => !c.Holds());
            if (unmet is not null)
            {
                return new TargetResult(target, TargetOutcome.Skipped, Elapsed(), unmet.Reason);
            }

            var incremental = target.IsIncremental ? options.Incremental : null;
            var decision = incremental is null ? null : await incremental.DecideAsync(target, cancellation).ConfigureAwait(false);
            observer.TargetStarting(target);
            run.CurrentTarget.Set(target);
            if (decision?.Reuse is { } reuse)
            {
                incremental!.Replay(target, decision);
                return new TargetResult(target, TargetOutcome.Succeeded, Elapsed(), decision.Reason) { Reuse = reuse };
            }

            if (decision is not null)
            {
                run.Capture.Start(target);
            }

            foreach (var action in target.Actions)
            {
                cancellation.ThrowIfCancellationRequested();
                current = action;
                await action.ExecuteAsync(run, cancellation).ConfigureAwait(false);
            }

            if (decision is not null)
            {
                await incremental!.RecordAsync(target, decision, run.Capture.Stop(target), Elapsed(), cancellation).ConfigureAwait(false);
            }

            return new TargetResult(target, TargetOutcome.Succeeded, Elapsed(), decision?.Reason);
        }
        catch (Exception exception) when (cancellation.IsCancellationRequested && exception is OperationCanceledException or CommandFailedException)
        {
            Forget(target);
            return new TargetResult(target, TargetOutcome.Cancelled, Elapsed(), "cancelled");
        }
        catch (Exception refusal) when (refusal is IRefusal)
        {
            // A rule said no, which is not a failure of the script: exit code 3, even with failure allowed.
            Forget(target);
            return new TargetResult(target, TargetOutcome.Failed, Elapsed(), _failures.Of(refusal)) { Refused = true };
        }
        catch (Exception exception)
        {
            Forget(target);
            return new TargetResult(
                target,
                TargetOutcome.Failed,
                Elapsed(),
                _failures.Of(exception, current?.DeclaredAt),
                target.FailureAllowed,
                _failures.LocationOf(exception, current?.DeclaredAt));
        }
        finally
        {
            run.CurrentTarget.Set(null);
        }
    }

    /// <summary>A target that failed or was cancelled records nothing, and its last success no longer stands for it.</summary>
    private void Forget(Target target)
    {
        run.Capture.Stop(target);
        if (target.IsIncremental)
        {
            options.Incremental?.Forget(target);
        }
    }
}
