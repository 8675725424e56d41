using System.Globalization;
using System.Text;
using Pipeline.Execution;

namespace Pipeline.Output.Live;

/// <summary>
/// The live region's content: each running target with its elapsed time and the last line of its output. It
/// observes the run (passing every event on to the console reporter, whose lines go to the log above it) and
/// redraws on a timer so the elapsed times move while nothing is written.
/// </summary>
internal sealed class LiveRegion(IRunObserver inner, LiveScreen screen, TimeProvider time, bool unicode) : IRunObserver, IDisposable
{
    /// <summary>More running targets than this are summed up in one line, so the region stays small on any screen.</summary>
    internal const int MostTargetsShown = 8;

    /// <summary>How often the elapsed times are redrawn.</summary>
    internal static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private const string Bold = "\u001b[1;36m";
    private const string Dim = "\u001b[2m";
    private const string Reset = "\u001b[0m";

    private readonly Lock _lock = new();
    private readonly List<RunningTarget> _running = [];
    private ITimer? _timer;

    /// <summary>Shows the region below the log, redrawn every <see cref="Interval"/>.</summary>
    public void Start()
    {
        screen.Start(this);
        _timer = time.CreateTimer(_ => screen.Tick(), null, Interval, Interval);
    }

    /// <summary>Erases the region for good, before the summary prints, so the final screen holds all of it.</summary>
    public void Stop()
    {
        _timer?.Dispose();
        screen.Stop();
    }

    public void Dispose() => Stop();

    public void TargetStarting(Target target)
    {
        inner.TargetStarting(target);
        lock (_lock)
        {
            _running.Add(new RunningTarget(target, time.GetTimestamp()));
        }

        screen.Redraw();
    }

    public void TargetFinished(TargetResult result)
    {
        lock (_lock)
        {
            _running.RemoveAll(r => r.Target == result.Target);
        }

        // The reporter's line goes to the log; the region drawn below it no longer has the target.
        inner.TargetFinished(result);
        screen.Redraw();
    }

    /// <summary>Text a target's body wrote to the log (labelled with its name in a parallel run): its last complete line is kept.</summary>
    public void Observe(Target target, string text)
    {
        lock (_lock)
        {
            _running.Find(r => r.Target == target)?.Take(text);
        }
    }

    /// <summary>The region's lines, each shorter than <paramref name="width"/> so none wraps (a wrapped line would spoil the erase).</summary>
    public IReadOnlyList<string> Lines(int width)
    {
        lock (_lock)
        {
            var shown = _running.Take(MostTargetsShown).ToList();
            var nameWidth = shown.Count == 0 ? 0 : Math.Min(30, shown.Max(r => r.Target.Name.Length));
            var lines = new List<string>(shown.Count + 1);
            foreach (var running in shown)
            {
                var elapsed = Elapsed(time.GetElapsedTime(running.Started));
                var head = TerminalText.Fit($"{(unicode ? "›" : "*")} {running.Target.Name.PadRight(nameWidth)}", width - 1);
                var rest = width - 1 - head.Length;
                var tail = TerminalText.Fit($" {elapsed,6}", rest);
                var last = TerminalText.Fit(running.LastLine.Length > 0 ? "  " + running.LastLine : string.Empty, rest - tail.Length);
                lines.Add($"{Bold}{head}{Reset}{Dim}{tail}{Reset}{last}");
            }

            if (_running.Count > shown.Count)
            {
                lines.Add(Dim + TerminalText.Fit($"  … and {_running.Count - shown.Count} more running", width - 1) + Reset);
            }

            return lines;
        }
    }

    /// <summary>Whole seconds are enough to see that a target moves: <c>7s</c>, <c>2m 05s</c>, <c>1h 02m</c>.</summary>
    internal static string Elapsed(TimeSpan elapsed) => elapsed.TotalSeconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalSeconds}s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalMinutes}m {elapsed.Seconds:00}s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalHours}h {elapsed.Minutes:00}m"),
    };

    private sealed class RunningTarget(Target target, long started)
    {
        /// <summary>A line longer than this is cut before it ends: the region shows only its start anyway.</summary>
        private const int LongestLine = 4096;

        private readonly StringBuilder _partial = new();

        public Target Target { get; } = target;

        public long Started { get; } = started;

        public string LastLine { get; private set; } = string.Empty;

        public void Take(string text)
        {
            _partial.Append(text);
            var all = _partial.ToString();
            var end = all.LastIndexOf('\n');
            if (end < 0)
            {
                if (_partial.Length > LongestLine)
                {
                    _partial.Length = LongestLine;
                }

                return;
            }

            // The last line that shows something, without the "[Target] " label a parallel run puts before it.
            var label = $"[{Target.Name}] ";
            foreach (var line in all[..end].Split('\n').Reverse())
            {
                var plain = TerminalText.Plain(line.StartsWith(label, StringComparison.Ordinal) ? line[label.Length..] : line);
                if (plain.Trim().Length > 0)
                {
                    LastLine = plain.Trim();
                    break;
                }
            }

            _partial.Clear().Append(all[(end + 1)..]);
        }
    }
}
