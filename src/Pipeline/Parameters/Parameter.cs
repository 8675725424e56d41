namespace Pipeline;

/// <summary>
/// A typed build parameter declared with <see cref="Build.Parameter{T}(string, T, string, string?)"/>.
/// Its value is bound from the command line, the environment or the default before any target runs.
/// </summary>
public sealed class Parameter<T> : IParameter
{
    private readonly T? _default;
    private readonly bool _hasDefault;
    private T? _value;
    private bool _bound;

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

    public bool HasValue => Source != ParameterSource.Unset;

    public ParameterSource Source { get; private set; }

    public string? DefaultDisplay =>
        !_hasDefault || IsSecret ? null : ParameterValueParser.Display(_default);

    object? IParameter.BoxedValue => _value;

    /// <summary>The bound value. Reading it while the script is still declaring targets is an error.</summary>
    public T Value
    {
        get
        {
            if (!_bound)
            {
                throw new InvalidOperationException(
                    $"Parameter '{Name}' has no value yet: read it inside a target body, after the command line is parsed.");
            }

            if (IsRequired && Source == ParameterSource.Unset)
            {
                throw new MissingParameterException(this);
            }

            return _value!;
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
        IsRequired = true;
        return this;
    }

    public static implicit operator T(Parameter<T> parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return parameter.Value;
    }

    void IParameter.Bind(object? value, ParameterSource source)
    {
        _value = (T?)value;
        Source = source;
        _bound = true;
    }

    public override string ToString() => _bound ? _value?.ToString() ?? string.Empty : $"--{Name}";
}
