namespace Pipeline;

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

    /// <summary>True once a value came from the command line, the environment or a default.</summary>
    bool HasValue { get; }

    /// <summary>Where the bound value came from.</summary>
    ParameterSource Source { get; }

    /// <summary>The default as shown in <c>--help</c>, or null when there is none.</summary>
    string? DefaultDisplay { get; }

    /// <summary>The current value boxed, for reports; never call it to print a secret.</summary>
    object? BoxedValue { get; }

    internal bool HasDefault { get; }

    internal object? DefaultBoxed { get; }

    internal void Bind(object? value, ParameterSource source);
}

public enum ParameterSource
{
    Unset,
    Default,
    Environment,
    CommandLine,
}
