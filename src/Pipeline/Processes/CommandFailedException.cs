using Pipeline.Secrets;

namespace Pipeline;

/// <summary>A command exited with a non-zero code or timed out. The message shows the command line, secrets masked.</summary>
public sealed class CommandFailedException : Exception
{
    public CommandFailedException(string message)
        : base(SecretMasker.Apply(message))
    {
    }

    public CommandFailedException(string message, Exception innerException)
        : base(SecretMasker.Apply(message), innerException)
    {
    }

    public CommandFailedException()
    {
    }

    /// <summary>The exit code, or null when the command timed out.</summary>
    public int? ExitCode { get; init; }
}
