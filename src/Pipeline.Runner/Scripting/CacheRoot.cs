namespace Pipeline.Runner.Scripting;

/// <summary>
/// The folder that holds the runner's caches: compiled scripts and restored packages. Resolved once, at start-up;
/// deleting the folder clears the cache.
/// </summary>
internal sealed record CacheRoot(string Path)
{
    /// <summary>The compiled scripts, one folder per script (see <see cref="ScriptCache"/>).</summary>
    public string Scripts => System.IO.Path.Combine(Path, "scripts");

    /// <summary>The restored packages, one folder per package set (see <see cref="NuGetPackages"/>).</summary>
    public string Packages => System.IO.Path.Combine(Path, "packages");

    /// <summary>Where <see cref="CacheFolder.Resolve"/> puts the caches (one resolution, shared with the build cache).</summary>
    public static CacheRoot Resolve(Func<string, string?> environment, string invocationDirectory) =>
        new(CacheFolder.Resolve(environment, invocationDirectory));
}
