using System.IO.Hashing;
using System.Text;

namespace Pipeline.Incremental;

/// <summary>
/// What a target's result depends on, as named facts (<c>input src/App/Class1.cs</c>, <c>parameter configuration</c>,
/// <c>dependency Compile</c>, …) each with the digest of its value, and the one digest of them all: the target's
/// fingerprint, the key of its recorded state and of its build cache entry. Paths are relative to the root, so a
/// checkout moved elsewhere has the same fingerprint; values are kept only as digests, so no secret is stored.
/// </summary>
internal sealed class Fingerprint
{
    public const string TargetFact = "target";
    public const string ScriptFact = "script";
    public const string SdkFact = "sdk";
    public const string RunnerFact = "runner";
    public const string PartitionFact = "partition";
    public const string InputPrefix = "input ";
    public const string ParameterPrefix = "parameter ";
    public const string EnvironmentPrefix = "environment ";
    public const string DependencyPrefix = "dependency ";

    // Beyond this many changes a reason names the first few and counts the rest: the summary is one line per target.
    private const int ChangesNamed = 3;

    public Fingerprint(IReadOnlyDictionary<string, string> facts)
    {
        Facts = new SortedDictionary<string, string>(facts.ToDictionary(), StringComparer.Ordinal);
        var text = new StringBuilder("pipeline fingerprint 1\n");
        foreach (var (name, digest) in Facts)
        {
            text.Append(name).Append('\0').Append(digest).Append('\n');
        }

        Digest = DigestOf(text.ToString());
    }

    /// <summary>Each fact's name and the digest of its value, sorted by name.</summary>
    public SortedDictionary<string, string> Facts { get; }

    /// <summary>The digest of every fact: equal fingerprints mean equal inputs.</summary>
    public string Digest { get; }

    /// <summary>A short digest of a value: fast (no crypto library to load on the start-up path), never the value itself.</summary>
    public static string DigestOf(string value) => Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(value)));

    /// <summary>
    /// Why this fingerprint differs from <paramref name="recorded"/>, in words: <c>input src/App/Class1.cs changed</c>,
    /// <c>parameter configuration changed</c>, <c>Compile's outputs changed</c>. Empty when they are equal.
    /// </summary>
    public string? ChangesSince(IReadOnlyDictionary<string, string> recorded)
    {
        var changes = new List<string>();
        foreach (var name in Facts.Keys.Union(recorded.Keys).Order(StringComparer.Ordinal))
        {
            var now = Facts.GetValueOrDefault(name);
            var before = recorded.GetValueOrDefault(name);
            if (now != before)
            {
                changes.Add(Describe(name, before is null ? "added" : now is null ? "deleted" : "changed"));
            }
        }

        // The script, tools and values first: they explain a rerun of everything better than a file list does.
        changes = [.. changes.OrderBy(c => c.StartsWith("input ", StringComparison.Ordinal) ? 1 : 0)];
        return changes.Count switch
        {
            0 => null,
            <= ChangesNamed => string.Join(", ", changes),
            _ => $"{string.Join(", ", changes.Take(ChangesNamed))} and {changes.Count - ChangesNamed} more",
        };
    }

    private static string Describe(string name, string change) => name switch
    {
        ScriptFact => "the build script changed",
        SdkFact => "the .NET SDK changed",
        RunnerFact => "Pipeline's version changed",
        TargetFact => "the target changed",
        PartitionFact => "the partition changed",
        _ when name.StartsWith(InputPrefix, StringComparison.Ordinal) => $"{name} {change}",
        _ when name.StartsWith(ParameterPrefix, StringComparison.Ordinal) => $"{name} changed",
        _ when name.StartsWith(EnvironmentPrefix, StringComparison.Ordinal) => $"environment variable {name[EnvironmentPrefix.Length..]} changed",
        _ when name.StartsWith(DependencyPrefix, StringComparison.Ordinal) => $"{name[DependencyPrefix.Length..]}'s outputs changed",
        _ => $"{name} {change}",
    };
}
