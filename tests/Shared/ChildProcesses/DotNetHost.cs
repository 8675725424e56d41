namespace Pipeline.Testing;

/// <summary>
/// The dotnet host running this process (a test host or the bench harness): the one children start as, so they run
/// on the same SDK and runtime, whatever else is on PATH.
/// </summary>
internal static class DotNetHost
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        // A test host usually runs as "dotnet testhost.dll", the harness as "dotnet Pipeline.Bench.dll".
        if (Environment.ProcessPath is { } current &&
            string.Equals(System.IO.Path.GetFileNameWithoutExtension(current), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        var fileName = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => System.IO.Path.Combine(folder, fileName))
            .FirstOrDefault(File.Exists) ?? "dotnet";
    }
}
