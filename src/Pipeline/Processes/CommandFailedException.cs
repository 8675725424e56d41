using Pipeline.Execution;

namespace Pipeline.Processes;

/// <summary>A command exited with a non-zero code or timed out. The message shows the command line, secrets masked.</summary>
public sealed class CommandFailedException : Exception, IExplainedFailure
{
    public CommandFailedException(string message)
        : base(RunContext.MaskInCurrentRun(message))
    {
    }

    public CommandFailedException(string message, Exception innerException)
        : base(RunContext.MaskInCurrentRun(message), innerException)
    {
    }

    public CommandFailedException()
    {
    }

    /// <summary>The exit code, or null when the command timed out.</summary>
    public int? ExitCode { get; init; }
}
