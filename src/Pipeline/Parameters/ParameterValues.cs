namespace Pipeline.Parameters;

/// <summary>
/// The value of every parameter in one run, and where each came from. Bound once before any target runs;
/// the parameters themselves (the definition) never hold a value.
/// </summary>
internal sealed class ParameterValues
{
    private readonly Dictionary<IParameter, BoundValue> _values;

    public ParameterValues(IReadOnlyDictionary<IParameter, BoundValue> values) => _values = new(values);

    public static ParameterValues None { get; } = new(new Dictionary<IParameter, BoundValue>());

    /// <summary>The parameter's value in this run; null when it is not one of this run's parameters.</summary>
    public BoundValue? Find(IParameter parameter) => _values.TryGetValue(parameter, out var value) ? value : null;

    /// <summary>True when the parameter has a value: given on the command line or in the environment, or a default.</summary>
    public bool Has(IParameter parameter) => Find(parameter) is { Source: not ParameterSource.Unset, Value: not (null or "") };
}

/// <summary>A parameter's value in a run, and where it came from.</summary>
internal sealed record BoundValue(object? Value, ParameterSource Source);
