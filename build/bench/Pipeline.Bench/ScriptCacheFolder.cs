namespace Pipeline.Bench;

/// <summary>
/// Reads a Pipeline script cache folder (PIPELINE_CACHE) from outside, to confirm that a run meant to
/// compile did compile: each compiled script has <c>scripts/&lt;key&gt;/entry</c>, whose <c>assembly</c> line
/// names a new assembly file after every compilation.
/// </summary>
internal static class ScriptCacheFolder
{
    /// <summary>The <c>assembly</c> lines of every entry in the cache, sorted; empty when nothing was compiled.</summary>
    public static IReadOnlyList<string> CompiledAssemblies(string cacheRoot)
    {
        var scripts = Path.Combine(cacheRoot, "scripts");
        return Directory.Exists(scripts)
            ? Directory.EnumerateFiles(scripts, "entry", SearchOption.AllDirectories)
                .SelectMany(File.ReadLines)
                .Where(line => line.StartsWith("assembly ", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
    }
}
