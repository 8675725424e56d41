using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Scripting;

/// <summary>
/// Runs a script with a compiled-script cache of the test's own (a folder inside its temporary repository)
/// and <c>PIPELINE_TRACE=1</c>, and reads what the trace tells: hit or miss, the script's cache folder,
/// and the assemblies the run loaded.
/// </summary>
internal static class CacheTrace
{
    /// <summary>The default cache folder, relative to the repository root.</summary>
    public const string DefaultCacheFolder = "cache";

    private const string HitPrefix = "pipeline: cache hit (";
    private const string MissPrefix = "pipeline: cache miss, compiling (";
    private const string LoadedAssembliesPrefix = "pipeline: loaded assemblies: ";

    /// <summary>PIPELINE_CACHE set to <paramref name="cacheFolder"/> inside the repository, and PIPELINE_TRACE=1.</summary>
    public static Dictionary<string, string?> Environment(TempRepo repo, string cacheFolder = DefaultCacheFolder) =>
        new(StringComparer.Ordinal)
        {
            ["PIPELINE_CACHE"] = repo.Path(cacheFolder),
            ["PIPELINE_TRACE"] = "1",
        };

    /// <summary>Runs in the repository root with the repository's own cache folder, traced.</summary>
    public static Task<RunnerResult> RunTracedAsync(this TempRepo repo, params string[] arguments) =>
        repo.RunAsync(Environment(repo), arguments);

    /// <summary>Runs in the repository root with the cache in <paramref name="cacheFolder"/> (relative to the root), traced.</summary>
    public static Task<RunnerResult> RunTracedWithCacheAsync(this TempRepo repo, string cacheFolder, params string[] arguments) =>
        repo.RunAsync(Environment(repo, cacheFolder), arguments);

    /// <summary>The run used the cached assembly: it said "cache hit", compiled nothing and never loaded Roslyn.</summary>
    public static void ShouldBeACacheHit(this RunnerResult result)
    {
        result.ErrorShouldContain(HitPrefix);
        Assert.False(result.StandardError.Contains("compiling", StringComparison.Ordinal), $"The run compiled the script.{System.Environment.NewLine}{result}");
        var roslyn = result.LoadedAssemblies().Where(IsRoslyn).ToList();
        Assert.True(roslyn.Count == 0, $"A cache hit loaded Roslyn: {string.Join(", ", roslyn)}.{System.Environment.NewLine}{result}");
    }

    /// <summary>The run found no usable cache entry and compiled the script with Roslyn.</summary>
    public static void ShouldHaveCompiled(this RunnerResult result)
    {
        Assert.True(
            TraceLines(result).Any(line => line.StartsWith("pipeline: cache", StringComparison.Ordinal) && line.Contains("compiling (", StringComparison.Ordinal)),
            $"The run did not compile the script.{System.Environment.NewLine}{result}");
        Assert.True(result.LoadedAssemblies().Any(IsRoslyn), $"A compiling run did not load Roslyn.{System.Environment.NewLine}{result}");
    }

    /// <summary>The run said "cache miss, compiling" straight away: there was no entry to try.</summary>
    public static void ShouldBeACacheMiss(this RunnerResult result)
    {
        result.ErrorShouldContain(MissPrefix);
        result.ShouldHaveCompiled();
    }

    /// <summary>The simple names on the <c>pipeline: loaded assemblies:</c> line the runner prints at exit.</summary>
    public static IReadOnlyList<string> LoadedAssemblies(this RunnerResult result)
    {
        var line = TraceLines(result).LastOrDefault(l => l.StartsWith(LoadedAssembliesPrefix, StringComparison.Ordinal));
        Assert.True(line is not null, $"The trace has no loaded-assemblies line.{System.Environment.NewLine}{result}");
        return line![LoadedAssembliesPrefix.Length..].Split(", ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The script's own folder in the cache, as the trace names it.</summary>
    public static string ScriptCacheFolder(this RunnerResult result)
    {
        var line = TraceLines(result).FirstOrDefault(l => l.StartsWith(HitPrefix, StringComparison.Ordinal) || l.StartsWith(MissPrefix, StringComparison.Ordinal));
        Assert.True(line is not null && line.EndsWith(')'), $"The trace does not name the script's cache folder.{System.Environment.NewLine}{result}");
        var start = line!.IndexOf('(', StringComparison.Ordinal) + 1;
        return line[start..^1];
    }

    /// <summary>The one compiled script assembly (<c>script-*.dll</c>) in the script's cache folder.</summary>
    public static string CachedAssembly(string scriptCacheFolder)
    {
        var assemblies = Directory.GetFiles(scriptCacheFolder, "script-*.dll");
        Assert.True(assemblies.Length == 1, $"Expected one script-*.dll in {scriptCacheFolder}, found: {string.Join(", ", assemblies.Select(Path.GetFileName))}");
        return assemblies[0];
    }

    /// <summary>The file that names the current compiled assembly in the script's cache folder.</summary>
    public static string EntryFile(string scriptCacheFolder)
    {
        var entry = Path.Combine(scriptCacheFolder, "entry");
        Assert.True(File.Exists(entry), $"The cache folder {scriptCacheFolder} has no entry file.");
        return entry;
    }

    private static bool IsRoslyn(string assemblyName) => assemblyName.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal);

    private static IEnumerable<string> TraceLines(RunnerResult result) =>
        result.StandardError.Split('\n').Select(l => l.TrimEnd('\r'));
}
