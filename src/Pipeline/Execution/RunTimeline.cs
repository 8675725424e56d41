using System.Diagnostics;

namespace Pipeline.Execution;

/// <summary>
/// The run's time line: offsets from the moment the executor started, and the child processes its targets started,
/// which the report and the trace draw inside their targets. Monotonic (a stopwatch), so a clock change mid-run does
/// not bend it.
/// </summary>
internal sealed class RunTimeline
{
    private readonly List<ProcessSpan> _processes = [];
    private long _origin = Stopwatch.GetTimestamp();

    /// <summary>Time since the executor started (since the run was created, before that).</summary>
    public TimeSpan Now => Stopwatch.GetElapsedTime(_origin);

    /// <summary>Every child process targets started through <c>Cmd</c> so far, in order of ending.</summary>
    public IReadOnlyList<ProcessSpan> Processes
    {
        get
        {
            lock (_processes)
            {
                return [.. _processes];
            }
        }
    }

    /// <summary>Sets offset zero: the executor calls it as it starts.</summary>
    public void Start() => _origin = Stopwatch.GetTimestamp();

    public void Record(ProcessSpan process)
    {
        lock (_processes)
        {
            _processes.Add(process);
        }
    }
}

/// <summary>One child process a target's body started (processes started outside any target are not on the timeline).</summary>
/// <param name="Target">The target whose body started it.</param>
/// <param name="CommandLine">As the log shows it: masked.</param>
/// <param name="Started">From the start of the run (<see cref="RunTimeline.Now"/>).</param>
/// <param name="ExitCode">Null when it never ended by itself (killed on cancellation or a timeout, or it could not start).</param>
internal sealed record ProcessSpan(Target Target, string CommandLine, TimeSpan Started, TimeSpan Duration, int? ExitCode);
