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

    /// <summary>
    /// <c>PIPELINE_CACHE</c> if set, relative to <paramref name="invocationDirectory"/> (where the user ran the
    /// command, not the repository root); otherwise <c>$XDG_CACHE_HOME/pipeline</c>, <c>~/.cache/pipeline</c>,
    /// or <c>%LOCALAPPDATA%\pipeline</c> on Windows.
    /// </summary>
    public static CacheRoot Resolve(Func<string, string?> environment, string invocationDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment("PIPELINE_CACHE") is { Length: > 0 } configured)
        {
            return new CacheRoot(System.IO.Path.GetFullPath(configured, invocationDirectory));
        }

        if (OperatingSystem.IsWindows())
        {
            return new CacheRoot(System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "pipeline"));
        }

        var xdg = environment("XDG_CACHE_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return new CacheRoot(System.IO.Path.Combine(xdg is { Length: > 0 } ? xdg : System.IO.Path.Combine(home, ".cache"), "pipeline"));
    }
}
