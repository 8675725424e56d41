namespace Pipeline.Parameters;

/// <summary>What the command line, <c>--help</c> and the binder need to know of any parameter.</summary>
public interface IParameter
{
    /// <summary>The kebab-case name, used as <c>--name</c> on the command line.</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>The environment variable read when the command line does not set the parameter.</summary>
    string EnvironmentVariable { get; }

    Type ValueType { get; }

    bool IsRequired { get; }

    /// <summary>A secret's value never appears in any output.</summary>
    bool IsSecret { get; }

    internal bool HasDefault { get; }

    internal string? DisplayDefault(string root);

    internal object? DefaultBoxed { get; }
}

public enum ParameterSource
{
    Unset,
    Default,
    Environment,
    CommandLine,
}
