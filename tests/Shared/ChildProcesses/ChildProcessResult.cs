namespace Pipeline.Testing;

/// <summary>What a finished child process wrote, its exit code, and how long it took from start to exit with its output drained.</summary>
internal sealed record ChildProcessResult(int ExitCode, TimeSpan Elapsed, string StandardOutput, string StandardError)
{
    public string Describe() =>
        $"exit code {ExitCode}{Environment.NewLine}--- stdout:{Environment.NewLine}{StandardOutput}{Environment.NewLine}--- stderr:{Environment.NewLine}{StandardError}";
}
