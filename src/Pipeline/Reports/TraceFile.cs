using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pipeline.Execution;
using Pipeline.Secrets;

namespace Pipeline.Reports;

/// <summary>
/// <c>--trace FILE</c>: the run as Chrome trace-event JSON (the JSON Object Format), which Perfetto and
/// chrome://tracing open. One process (the build), one thread per parallel lane, a complete event ("X") per target
/// that started, and each child process as a slice nested inside its target's. Slices on one thread must nest
/// exactly (the format allows no partial overlap), so a command that overlaps another of its target's goes to an
/// extra thread of that lane.
/// </summary>
internal static class TraceFile
{
    /// <summary>The trace's one process id: a constant, so the same run gives the same file apart from its times.</summary>
    private const int ProcessId = 1;

    /// <summary>Extra threads for overlapping commands are numbered from here on, per lane.</summary>
    private const int OverflowThreads = 1000;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,

        // '+', '<', '&' stay as they are, so a masked command line reads as in the log. Quotes and control characters are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="buildName">What the trace names its one process: the repository's folder name.</param>
    /// <param name="secrets">Masks every text that goes in (reasons and command lines are masked already; this is the last guard).</param>
    public static string Render(RunResult result, IReadOnlyList<ProcessSpan> processes, string buildName, SecretMasker secrets)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("traceEvents");
            Metadata(json, "process_name", ProcessId, 0, "name", $"{buildName}: build run");
            var started = result.Targets.Where(t => t is { Started: not null, Lane: not null }).ToList();
            foreach (var lane in started.Select(t => t.Lane!.Value).Distinct().Order())
            {
                NameThread(json, LaneThread(lane), $"lane {lane + 1}", lane * 2);
            }

            var byTarget = processes.Where(p => p.Target is not null).ToLookup(p => p.Target!);
            var overflowNamed = new HashSet<int>();
            foreach (var target in started)
            {
                var slice = Span.Of(target.Started!.Value, target.Duration);
                TargetSlice(json, target, slice, secrets);
                foreach (var (process, track) in Tracks(byTarget[target.Target], slice))
                {
                    var thread = LaneThread(target.Lane!.Value) + (track * OverflowThreads);
                    if (track > 0 && overflowNamed.Add(thread))
                    {
                        NameThread(json, thread, $"lane {target.Lane + 1}: overlapping commands {track}", (target.Lane!.Value * 2) + 1);
                    }

                    ProcessSlice(json, process, slice, thread, secrets);
                }
            }

            json.WriteEndArray();
            json.WriteString("displayTimeUnit", "ms");
            json.WriteStartObject("otherData");
            json.WriteString("build", buildName);
            json.WriteString("startedAt", result.StartedAt);
            json.WriteNumber("wallTimeSeconds", Math.Round(result.WallTime.TotalSeconds, 3));
            json.WriteNumber("exitCode", result.ExitCode);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>Lane 0 is thread 1: some viewers treat thread 0 as "no thread".</summary>
    private static int LaneThread(int lane) => lane + 1;

    /// <summary>
    /// Which track each of a target's commands goes on: 0 (nested in the target's slice) when it starts after the
    /// last one there ended, else the first extra track where it does. Ordered by start, so the file reads in time order.
    /// </summary>
    private static List<(ProcessSpan Process, int Track)> Tracks(IEnumerable<ProcessSpan> processes, Span target)
    {
        var trackEnds = new List<long>();
        var placed = new List<(ProcessSpan, int)>();
        foreach (var process in processes.OrderBy(p => p.Started))
        {
            var span = Span.Of(process.Started, process.Duration).Within(target);
            var track = trackEnds.FindIndex(end => end <= span.Start);
            if (track < 0)
            {
                track = trackEnds.Count;
                trackEnds.Add(0);
            }

            trackEnds[track] = span.End;
            placed.Add((process, track));
        }

        return placed;
    }

    private static void TargetSlice(Utf8JsonWriter json, TargetResult target, Span slice, SecretMasker secrets)
    {
        Complete(json, target.Target.Name, "target", slice, LaneThread(target.Lane!.Value));
        json.WriteStartObject("args");
        json.WriteString("outcome", Outcome(target));
        if (target.Reason is { Length: > 0 } reason)
        {
            json.WriteString("reason", secrets.Apply(reason));
        }

        if (target.Location is { } location)
        {
            json.WriteString("location", $"{location.File}:{location.Line}");
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void ProcessSlice(Utf8JsonWriter json, ProcessSpan process, Span target, int thread, SecretMasker secrets)
    {
        var commandLine = secrets.Apply(process.CommandLine);
        Complete(json, ProgramOf(commandLine), "process", Span.Of(process.Started, process.Duration).Within(target), thread);
        json.WriteStartObject("args");
        json.WriteString("commandLine", commandLine);
        if (process.ExitCode is { } exitCode)
        {
            json.WriteNumber("exitCode", exitCode);
        }
        else
        {
            json.WriteString("exitCode", "none: killed, timed out or never started");
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Opens a complete event; the caller writes its args and closes it.</summary>
    private static void Complete(Utf8JsonWriter json, string name, string category, Span span, int thread)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("cat", category);
        json.WriteString("ph", "X");
        json.WriteNumber("ts", span.Start);
        json.WriteNumber("dur", span.End - span.Start);
        json.WriteNumber("pid", ProcessId);
        json.WriteNumber("tid", thread);
    }

    private static void NameThread(Utf8JsonWriter json, int thread, string name, int sortIndex)
    {
        Metadata(json, "thread_name", thread, null, "name", name);
        Metadata(json, "thread_sort_index", thread, sortIndex, "sort_index", null);
    }

    private static void Metadata(Utf8JsonWriter json, string kind, int thread, int? number, string argument, string? text)
    {
        json.WriteStartObject();
        json.WriteString("name", kind);
        json.WriteString("ph", "M");
        json.WriteNumber("pid", ProcessId);
        json.WriteNumber("tid", thread);
        json.WriteStartObject("args");
        if (text is not null)
        {
            json.WriteString(argument, text);
        }
        else
        {
            json.WriteNumber(argument, number!.Value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>As the summary says it: <c>succeeded</c>, <c>up to date</c>, <c>failed (allowed)</c>, <c>not run</c>…</summary>
    private static string Outcome(TargetResult target) => target switch
    {
        { Outcome: TargetOutcome.Succeeded, Reuse: { } reuse } => reuse.Outcome,
        { Outcome: TargetOutcome.Failed, FailureAllowed: true } => "failed (allowed)",
        { Outcome: TargetOutcome.NotRun } => "not run",
        _ => target.Outcome.ToString().ToLowerInvariant(),
    };

    /// <summary>The slice's title: the program's file name (<c>dotnet</c>, <c>git</c>); the whole command line is in its args.</summary>
    private static string ProgramOf(string commandLine)
    {
        // The log's form quotes with single quotes (CommandLineText): 'my tool' --flag.
        var program = commandLine.StartsWith('\'') ? commandLine[1..].Split('\'')[0] : commandLine.Split(' ')[0];
        var name = Path.GetFileName(program);
        return name.Length > 0 ? name : commandLine;
    }

    /// <summary>A stretch of the run in whole microseconds, the format's time unit.</summary>
    private readonly record struct Span(long Start, long End)
    {
        public static Span Of(TimeSpan started, TimeSpan duration)
        {
            var start = Math.Max(0, started.Ticks / TimeSpan.TicksPerMicrosecond);
            return new(start, start + Math.Max(0, duration.Ticks / TimeSpan.TicksPerMicrosecond));
        }

        /// <summary>Clamped into <paramref name="outer"/>: a command's clock starts a moment after its target's, and slices must nest exactly.</summary>
        public Span Within(Span outer)
        {
            var start = Math.Clamp(Start, outer.Start, outer.End);
            return new(start, Math.Clamp(End, start, outer.End));
        }
    }
}
