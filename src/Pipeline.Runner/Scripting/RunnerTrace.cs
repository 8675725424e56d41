namespace Pipeline.Runner.Scripting;

/// <summary>
/// <c>PIPELINE_TRACE=1</c>: tells on stderr whether the caches (script, packages) were used and, at the end of the run, which
/// assemblies were loaded. Created once by the entry point; silent when tracing is off.
/// </summary>
internal sealed class RunnerTrace(bool enabled)
{
    private int _traced;

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
        // The report of loaded assemblies comes with the first trace line, so a run that traced nothing (a usage error) prints none.
        Interlocked.Exchange(ref _traced, 1);
    }

    /// <summary>The end of the run: which assemblies the process has loaded (in a resident runner, also those of its earlier runs).</summary>
    public void Finish()
    {
        if (Volatile.Read(ref _traced) == 1)
        {
            Console.Error.WriteLine(
                $"pipeline: loaded assemblies: {string.Join(", ", AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Order(StringComparer.Ordinal))}");
        }
    }
}
