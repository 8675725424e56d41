namespace Pipeline.Hosts;

/// <summary>The environment variables a host is read from; a dictionary in tests, the process in real runs.</summary>
internal sealed class HostEnvironment(Func<string, string?> lookup)
{
    public static HostEnvironment Process { get; } = new(Environment.GetEnvironmentVariable);

    public static HostEnvironment From(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return new HostEnvironment(name => variables.TryGetValue(name, out var value) ? value : null);
    }

    /// <summary>The variable's value, or null when unset or empty.</summary>
    public string? this[string name] => lookup(name) is { Length: > 0 } value ? value : null;

    public bool Has(string name) => this[name] is not null;

    /// <summary>True when the variable is <c>true</c>, ignoring case (AppVeyor says <c>True</c> on Windows, <c>true</c> on Linux).</summary>
    public bool IsTrue(string name) => string.Equals(this[name], "true", StringComparison.OrdinalIgnoreCase);
}
