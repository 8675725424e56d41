using System.Globalization;

namespace Pipeline.Processes;

/// <summary>
/// Turns <c>dotnet test</c>'s line per test into a progress line every so often, so a long suite shows that it
/// moves (and how many failed so far) without a line per passing test. Failures and everything else pass
/// through as they come. The line goes out on a timer, so a suite stuck on one test still shows its counts.
/// </summary>
internal sealed class TestProgress : IDisposable
{
    // The console logger at normal verbosity writes "  Passed Name [12 ms]" for each test.
    private const string PassedPrefix = "  Passed ";
    private const string FailedPrefix = "  Failed ";
    private const string SkippedPrefix = "  Skipped ";

    private readonly TextWriter _log;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly ITimer _timer;
    private int _passed;
    private int _failed;
    private int _skipped;

    public TestProgress(TextWriter log, TimeProvider time, TimeSpan interval)
    {
        _log = log;
        _time = time;
        _started = time.GetTimestamp();
        _timer = time.CreateTimer(_ => _log.WriteLine(Line()), null, interval, interval);
    }

    /// <summary>The line to show for one line of the runner's output, or null for a passing test's line, which is only counted.</summary>
    public string? Observe(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.StartsWith(PassedPrefix, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _passed);
            return null;
        }

        if (line.StartsWith(FailedPrefix, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _failed);
        }
        else if (line.StartsWith(SkippedPrefix, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _skipped);
        }

        return line;
    }

    /// <summary>The counts so far, e.g. <c>Tests so far: 312 run (310 passed, 2 failed, 0 skipped) in 4m 30s</c>.</summary>
    public string Line()
    {
        var (passed, failed, skipped) = (Volatile.Read(ref _passed), Volatile.Read(ref _failed), Volatile.Read(ref _skipped));
        var elapsed = _time.GetElapsedTime(_started);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Tests so far: {passed + failed + skipped} run ({passed} passed, {failed} failed, {skipped} skipped) in {(int)elapsed.TotalMinutes}m {elapsed.Seconds:00}s");
    }

    public void Dispose() => _timer.Dispose();
}
