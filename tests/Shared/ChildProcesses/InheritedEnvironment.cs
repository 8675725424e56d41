namespace Pipeline.Testing;

/// <summary>Leaving inherited variables out of a child's environment.</summary>
internal static class InheritedEnvironment
{
    /// <summary>
    /// Overrides that unset every variable of this process whose name starts with one of <paramref name="prefixes"/>
    /// (ignoring case): a null value removes the variable from a child's environment.
    /// </summary>
    public static Dictionary<string, string?> Without(params string[] prefixes) =>
        Environment.GetEnvironmentVariables().Keys
            .OfType<string>()
            .Where(name => prefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            .ToDictionary(name => name, string? (_) => null, StringComparer.Ordinal);
}
