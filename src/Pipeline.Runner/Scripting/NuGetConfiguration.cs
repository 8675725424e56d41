namespace Pipeline.Runner.Scripting;

/// <summary>
/// The NuGet configuration a restore of a script's packages uses: the <c>nuget.config</c> nearest the script,
/// given to the restore as its configuration; without one, what NuGet finds on its own from the restore
/// folder: every <c>nuget.config</c> above that folder and the user's <c>NuGet.Config</c>.
/// </summary>
/// <param name="ConfigFile">The file given to the restore, or null to let NuGet look.</param>
/// <param name="Files">Every file the restore reads its configuration from (that may exist).</param>
internal sealed record NuGetConfiguration(string? ConfigFile, IReadOnlyList<string> Files)
{
    public static NuGetConfiguration For(string scriptDirectory, string restoreDirectory) =>
        Chain(scriptDirectory).FirstOrDefault() is { } nearest
            ? new NuGetConfiguration(nearest, [nearest])
            : new NuGetConfiguration(null, [.. Chain(restoreDirectory), UserConfigFile]);

    /// <summary>Where NuGet keeps the user's configuration.</summary>
    private static string UserConfigFile => OperatingSystem.IsWindows()
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "NuGet", "NuGet.Config")
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "NuGet", "NuGet.Config");

    /// <summary>The <c>nuget.config</c> files (any case) in <paramref name="directory"/> and above, nearest first.</summary>
    private static IEnumerable<string> Chain(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            FileInfo? config;
            try
            {
                config = current.EnumerateFiles().FirstOrDefault(f => f.Name.Equals("nuget.config", StringComparison.OrdinalIgnoreCase));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A folder we may not list (a parent of the home folder, say) holds no configuration for us.
                continue;
            }

            if (config is not null)
            {
                yield return config.FullName;
            }
        }
    }
}
