using Pipeline.Hosts;

namespace Pipeline.Tests.Hosts;

/// <summary>Environments for host tests, written as the <c>NAME=value</c> lines a CI job would print with <c>env</c>.</summary>
internal static class Env
{
    public static HostEnvironment Of(params string[] lines) => HostEnvironment.From(Dictionary(lines));

    public static Dictionary<string, string> Dictionary(params string[] lines)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            variables[line[..equals]] = line[(equals + 1)..];
        }

        return variables;
    }

    /// <summary>The lines of the effects that print, for compact assertions.</summary>
    public static IReadOnlyList<string> Printed(this IEnumerable<HostEffect> effects) =>
        [.. effects.Select(e => Assert.IsType<PrintLine>(e).Text)];
}

/// <summary>A clock that always says the same instant.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Sample inputs shared by the protocol tests.</summary>
internal static class Samples
{
    public static readonly Annotation Error = new(AnnotationLevel.Error, "CS0103: The name 'x' does not exist", "src/App/Program.cs", 12, 5, "Build failed");

    public static readonly Annotation Warning = new(AnnotationLevel.Warning, "Package is deprecated");

    public static readonly IReadOnlyList<KeyValuePair<string, string>> Outputs =
    [
        new("VERSION", "1.2.0-beta.4"),
        new("PACKAGE_PATH", "artifacts/packages/App.1.2.0-beta.4.nupkg"),
    ];
}

/// <summary>Compares effects by content: a <see cref="RunCommand"/>'s arguments are a list, which records compare by reference.</summary>
internal sealed class EffectComparer : IEqualityComparer<HostEffect>
{
    public static readonly EffectComparer Instance = new();

    public bool Equals(HostEffect? x, HostEffect? y) => (x, y) switch
    {
        (RunCommand a, RunCommand b) => a.Program == b.Program && a.Arguments.SequenceEqual(b.Arguments),
        _ => object.Equals(x, y),
    };

    public int GetHashCode(HostEffect obj) => obj is RunCommand run ? run.Program.GetHashCode(StringComparison.Ordinal) : obj.GetHashCode();
}
