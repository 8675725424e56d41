namespace Pipeline.Parameters;

/// <summary>
/// A typed build parameter declared with <see cref="Build.Parameter{T}(string, T, string, string?)"/>.
/// Each run binds its value from the command line, the environment or the default before any target runs;
/// the parameter reads it from the run executing on the current flow, and itself never changes.
/// </summary>
public sealed class Parameter<T> : IParameter
{
    private readonly T? _default;
    private readonly bool _hasDefault;

    internal Parameter(string name, string description, string environmentVariable, bool hasDefault, T? defaultValue, bool isSecret)
    {
        Name = name;
        Description = description;
        EnvironmentVariable = environmentVariable;
        _hasDefault = hasDefault;
        _default = defaultValue;
        IsSecret = isSecret;
    }

    public string Name { get; }

    public string Description { get; }

    public string EnvironmentVariable { get; }

    public Type ValueType => typeof(T);

    public bool IsRequired { get; private set; }

    public bool IsSecret { get; }

    /// <summary>Where this run's value came from.</summary>
    public ParameterSource Source => Bound().Source;

    /// <summary>The default as shown in <c>--help</c> (paths relative to <paramref name="root"/>), or null when there is none to show.</summary>
    string? IParameter.DisplayDefault(string root) =>
        !_hasDefault || IsSecret ? null : ParameterValueParser.Display(_default, root);

    /// <summary>This run's value. Reading it while the script is still declaring targets is an error.</summary>
    public T Value
    {
        get
        {
            var bound = Bound();
            if (IsRequired && bound.Source == ParameterSource.Unset)
            {
                throw new MissingParameterException(this);
            }

            return (T)bound.Value!;
        }
    }

    bool IParameter.HasDefault => _hasDefault;

    object? IParameter.DefaultBoxed => _default;

    /// <summary>
    /// Makes the parameter one that must be given: a scheduled target that <see cref="Target.Requires"/> it stops
    /// the run before any target starts, and reading it unset fails the target that reads it.
    /// </summary>
    public Parameter<T> Required()
    {
        DefinitionGuard.ThrowIfRunning($"Required of parameter '{Name}'");
        IsRequired = true;
        return this;
    }

    public static implicit operator T(Parameter<T> parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return parameter.Value;
    }

    public override string ToString() =>
        Running.RunContext.Current?.Parameters.Find(this) is { } bound ? bound.Value?.ToString() ?? string.Empty : $"--{Name}";

    private BoundValue Bound() =>
        Running.RunContext.Current?.Parameters.Find(this)
        ?? throw new InvalidOperationException($"Parameter '{Name}' has no value yet: read it inside a target body, after the command line is parsed.");
}
