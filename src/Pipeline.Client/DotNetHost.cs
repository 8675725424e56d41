namespace Pipeline.Client;

/// <summary>The <c>dotnet</c> the shell would start: the first one on PATH, as build.sh's <c>exec dotnet</c> finds it.</summary>
internal static class DotNetHost
{
    public static string? FindOnPath(Func<string, string?> environment)
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        foreach (var folder in (environment("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (folder.Length == 0)
            {
                continue;
            }

            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate) && (OperatingSystem.IsWindows() || IsExecutable(candidate)))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }

    /// <summary>The host itself, links followed: a runner is named after the dotnet that really runs it.</summary>
    public static string Resolve(string path)
    {
        try
        {
            return File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
        }
        catch (IOException)
        {
            return path;
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static bool IsExecutable(string path) =>
        (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
