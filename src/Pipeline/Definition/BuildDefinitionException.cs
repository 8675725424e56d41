using Pipeline.Execution;

namespace Pipeline.Definition;

/// <summary>The build script declares something impossible (a duplicate name, a self-reference).</summary>
public sealed class BuildDefinitionException : Exception, IExplainedFailure
{
    public BuildDefinitionException(string message)
        : base(message)
    {
    }

    public BuildDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BuildDefinitionException()
    {
    }
}
