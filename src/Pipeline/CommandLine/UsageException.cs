namespace Pipeline.CommandLine;

/// <summary>The command line is wrong; the run stops with exit code 2 before any target starts.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UsageException()
    {
    }
}
