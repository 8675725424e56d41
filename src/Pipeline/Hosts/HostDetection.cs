namespace Pipeline.Hosts;

/// <summary>
/// How a host is recognised from the environment: every test of <see cref="AllOf"/>, one of
/// <see cref="AnyOf"/> when it lists any, and none of <see cref="NoneOf"/>. No tests at all match always.
/// </summary>
internal sealed record HostDetection
{
    public IReadOnlyList<VariableTest> AllOf { get; init; } = [];

    public IReadOnlyList<VariableTest> AnyOf { get; init; } = [];

    public IReadOnlyList<VariableTest> NoneOf { get; init; } = [];

    public bool Matches(HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return AllOf.All(t => t.Holds(environment))
            && (AnyOf.Count == 0 || AnyOf.Any(t => t.Holds(environment)))
            && !NoneOf.Any(t => t.Holds(environment));
    }
}

/// <summary>One question about one environment variable.</summary>
internal sealed record VariableTest(string Variable, VariableCheck Check, string? Value = null)
{
    public static VariableTest IsSet(string variable) => new(variable, VariableCheck.Set);

    public static VariableTest IsTrue(string variable) => new(variable, VariableCheck.True);

    public static VariableTest Is(string variable, string value) => new(variable, VariableCheck.Equals, value);

    public static VariableTest IsOptOut(string variable) => new(variable, VariableCheck.OptOut);

    public bool Holds(HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Check switch
        {
            VariableCheck.Set => environment.Has(Variable),
            VariableCheck.True => environment.IsTrue(Variable),
            VariableCheck.Equals => environment[Variable] == Value,
            VariableCheck.OptOut => environment[Variable] is { } value
                && (string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase) || value.Trim() == "0"),
            _ => throw new ArgumentOutOfRangeException(nameof(environment), Check, "Unknown variable check."),
        };
    }
}

internal enum VariableCheck
{
    /// <summary>Set and not empty.</summary>
    Set,

    /// <summary><c>true</c>, ignoring case (AppVeyor says <c>True</c> on Windows, <c>true</c> on Linux).</summary>
    True,

    /// <summary>Exactly the given value.</summary>
    Equals,

    /// <summary><c>false</c> (any case) or <c>0</c>: an explicit opt-out, as ci-info treats <c>CI=false</c>.</summary>
    OptOut,
}
