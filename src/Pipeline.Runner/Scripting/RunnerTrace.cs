namespace Pipeline.Runner.Scripting;

/// <summary>
/// <c>PIPELINE_TRACE=1</c>: tells on stderr whether the caches (script, packages) were used and, at exit, which
/// assemblies were loaded. Created once by the entry point; silent when tracing is off.
/// </summary>
internal sealed class RunnerTrace(bool enabled)
{
    private int _exitReportHooked;

    public bool Enabled { get; } = enabled;

    public static RunnerTrace From(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new RunnerTrace(environment("PIPELINE_TRACE") == "1");
    }

    public void Write(string what, string where)
    {
        if (!Enabled)
        {
            return;
        }

        Console.Error.WriteLine($"pipeline: {what} ({where})");
        // The exit report comes with the first trace line, so a run that traced nothing (a usage error) prints none.
        if (Interlocked.Exchange(ref _exitReportHooked, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Console.Error.WriteLine(
            $"pipeline: loaded assemblies: {string.Join(", ", AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Order(StringComparer.Ordinal))}");
    }
}
