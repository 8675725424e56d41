namespace Pipeline.Planning;

/// <summary>The requested graph cannot run: an unknown target, a cycle, or nothing to run.</summary>
internal sealed class PlanningException : Exception
{
    public PlanningException(string message)
        : base(message)
    {
    }

    public PlanningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PlanningException()
    {
    }
}
