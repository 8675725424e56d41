namespace Pipeline.Files;

/// <summary>
/// The folder that holds Pipeline's caches on this machine (compiled scripts, restored packages, the build cache).
/// One resolution for the runner and the library, so <c>PIPELINE_CACHE</c> moves all of them together.
/// </summary>
internal static class CacheFolder
{
    /// <summary>
    /// <c>PIPELINE_CACHE</c> if set, relative to <paramref name="invocationDirectory"/> (where the user ran the
    /// command, not the repository root); otherwise <c>$XDG_CACHE_HOME/pipeline</c>, <c>~/.cache/pipeline</c>,
    /// or <c>%LOCALAPPDATA%\pipeline</c> on Windows.
    /// </summary>
    public static string Resolve(Func<string, string?> environment, string invocationDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment("PIPELINE_CACHE") is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured, invocationDirectory);
        }

        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "pipeline");
        }

        var xdg = environment("XDG_CACHE_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(xdg is { Length: > 0 } ? xdg : Path.Combine(home, ".cache"), "pipeline");
    }
}
