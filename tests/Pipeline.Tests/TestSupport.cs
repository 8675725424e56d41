using Pipeline.Execution;
using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;
using Pipeline.Planning;
using Pipeline.Secrets;

namespace Pipeline.Tests;

/// <summary>Shortcuts for planning a build the way the command line would.</summary>
internal static class Plans
{
    public static ExecutionPlan For(Build build, params string[] names) =>
        Planner.Plan(build.Targets, build.DefaultTarget, new PlanRequest(names, [], false));

    public static ExecutionPlan For(Build build, IReadOnlyList<string> names, IReadOnlyList<string> skip, bool only = false) =>
        Planner.Plan(build.Targets, build.DefaultTarget, new PlanRequest(names, skip, only));

    public static IReadOnlyList<string> Names(this ExecutionPlan plan) => [.. plan.Order.Select(p => p.Target.Name)];

    public static PlannedTarget Planned(this ExecutionPlan plan, string name) =>
        plan.Order.Single(p => p.Target.Name == name);

    /// <summary>Names of the planned targets at the given positions, sorted, for order-independent comparison.</summary>
    public static IReadOnlyList<string> NamesAt(this ExecutionPlan plan, IEnumerable<int> positions) =>
        [.. positions.Select(p => plan.Order[p].Target.Name).Order(StringComparer.Ordinal)];
}

/// <summary>An observer that records what the executor reports; safe to call from any thread.</summary>
internal sealed class RecordingObserver : IRunObserver
{
    private readonly Lock _gate = new();
    private readonly List<string> _started = [];
    private readonly List<TargetResult> _finished = [];

    /// <summary>Called after each finished target is recorded (on the executor's thread).</summary>
    public Action<TargetResult>? OnFinished { get; init; }

    public IReadOnlyList<string> Started
    {
        get
        {
            lock (_gate)
            {
                return [.. _started];
            }
        }
    }

    public IReadOnlyList<TargetResult> Finished
    {
        get
        {
            lock (_gate)
            {
                return [.. _finished];
            }
        }
    }

    public void TargetStarting(Target target)
    {
        lock (_gate)
        {
            _started.Add(target.Name);
        }
    }

    public void TargetFinished(TargetResult result)
    {
        lock (_gate)
        {
            _finished.Add(result);
        }

        OnFinished?.Invoke(result);
    }
}

/// <summary>Runs builds through the real planner and executor.</summary>
internal static class Runs
{
    /// <summary>Generous upper bound for anything that should finish promptly; only guards against hangs.</summary>
    public static readonly TimeSpan HangGuard = Testing.HangGuard.Default;

    public static Task<RunResult> RunAsync(
        Build build,
        params string[] names) => RunAsync(build, new RecordingObserver(), new ExecutorOptions(1, false), names);

    public static Task<RunResult> RunAsync(Build build, RunContext context, params string[] names) =>
        RunAsync(build, new RecordingObserver(), new ExecutorOptions(1, false), names, context: context);

    public static async Task<RunResult> RunAsync(
        Build build,
        RecordingObserver observer,
        ExecutorOptions options,
        IReadOnlyList<string> names,
        IReadOnlyList<string>? skip = null,
        CancellationToken cancellation = default,
        CancellationToken forced = default,
        RunContext? context = null)
    {
        var plan = Plans.For(build, names, skip ?? []);
        context ??= Context(build);
        using (context.Enter())
        {
            return await new Executor(plan, options, observer, context).RunAsync(cancellation, forced).WaitAsync(HangGuard, CancellationToken.None);
        }
    }

    /// <summary>A run of <paramref name="build"/> on a local host with an empty environment (parameters at their defaults), its own secrets and the real clock.</summary>
    public static RunContext Context(Build build, TimeProvider? time = null)
    {
        var secrets = new SecretMasker();
        var channel = new HostChannel(new LocalHost(), HostEnvironment.From(new Dictionary<string, string>()), secrets, _ => { }, _ => { });
        var parameters = ParameterBinder.Bind(build.Parameters, new Dictionary<IParameter, IReadOnlyList<string>>(), _ => null, Directory.GetCurrentDirectory(), secrets);
        return new RunContext(build, channel, secrets, new CurrentTarget(), time ?? TimeProvider.System, parameters);
    }

    public static TargetResult Result(this RunResult run, string name) => run.Targets.Single(t => t.Target.Name == name);

    public static TargetOutcome Outcome(this RunResult run, string name) => run.Result(name).Outcome;
}

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pipeline-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}

/// <summary>Unique secret values, since the masker is process-wide and tests run in parallel.</summary>
internal static class SecretValues
{
    public static string NewValue() => "s3cr3t-" + Guid.NewGuid().ToString("N");
}
