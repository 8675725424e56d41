using Pipeline.BuildCache;

namespace Pipeline.Tests.BuildCache;

/// <summary>Output files written into a checkout, and the cache entry a run that left them would record.</summary>
internal static class Outputs
{
    public static void Write(string root, string relativePath, string content, bool executable = false)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        if (executable && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }
    }

    /// <summary>The entry for the files at <paramref name="relativePaths"/> under <paramref name="root"/>, as they are now.</summary>
    public static CacheEntry Entry(string root, string fingerprint, params string[] relativePaths) =>
        new(
            "Compile",
            fingerprint,
            [.. relativePaths.Order(StringComparer.Ordinal).Select(relative => CachedFileOf(root, relative))],
            ["Build succeeded.", "    0 Warning(s)"],
            ["Compile: 2 projects built"],
            [new KeyValuePair<string, string>("version", "1.2.3")],
            new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero),
            TimeSpan.FromSeconds(4.2));

    /// <summary>Every file under <paramref name="root"/>, relative with '/' separators, with its content.</summary>
    public static IReadOnlyDictionary<string, string> Read(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);

    public static bool IsExecutable(string path) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0;

    public static string NewFingerprint() => Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");

    private static CachedFile CachedFileOf(string root, string relative)
    {
        var path = Path.Combine(root, relative);
        return new CachedFile(relative, Checksums.Sha256(path), new FileInfo(path).Length, IsExecutable(path));
    }
}
