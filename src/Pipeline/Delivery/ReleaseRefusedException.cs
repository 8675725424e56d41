using Pipeline.Execution;

namespace Pipeline.Delivery;

/// <summary>A release or deployment a rule does not allow: exit code 3 (<see cref="ExitCodes.Refused"/>), never a stack trace.</summary>
public sealed class ReleaseRefusedException : Exception, IRefusal
{
    public ReleaseRefusedException(string message)
        : base(message)
    {
    }

    public ReleaseRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ReleaseRefusedException()
    {
    }
}
