using Pipeline.Execution;

namespace Pipeline.Delivery;

/// <summary>A QA check failed against a deployment; the message names each failed check and why.</summary>
public sealed class QaChecksFailedException : Exception, IExplainedFailure
{
    public QaChecksFailedException(string message)
        : base(message)
    {
    }

    public QaChecksFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public QaChecksFailedException()
    {
    }
}
