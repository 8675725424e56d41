namespace Pipeline.Runner.Resident;

/// <summary>
/// The runner's own diagnostics, in its log file: never a run's output, which goes to its client. Written through a
/// writer of its own, since <see cref="Console.Error"/> is the run's while a build runs.
/// </summary>
internal sealed class RunnerLog(TextWriter writer) : IDisposable
{
    private readonly Lock _gate = new();

    /// <summary>The log of a runner, appended to (its standard output and error, pointed at it, append too).</summary>
    public static RunnerLog Open(string path) =>
        new(new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true });

    public void Write(string message)
    {
        lock (_gate)
        {
            writer.WriteLine($"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss.fff} [{Environment.ProcessId}] {message}");
        }
    }

    public void Dispose() => writer.Dispose();
}
