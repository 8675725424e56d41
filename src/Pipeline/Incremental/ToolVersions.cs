using System.Reflection;

namespace Pipeline.Incremental;

/// <summary>
/// The tools whose version is part of every fingerprint: a new runner or a new .NET SDK may build differently, so
/// what an older one made is not up to date. Found once per process, without starting any program.
/// </summary>
internal static class ToolVersions
{
    private const string Unknown = "unknown";

    private static readonly Lazy<string> RunnerVersion = new(() =>
        typeof(ToolVersions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? Unknown);

    // Replaced for each run of a resident runner (Forget): PATH, DOTNET_ROOT and the installed SDKs are the run's.
    private static volatile Lazy<string> SdkIdentity = NewSdkIdentity();

    /// <summary>The Pipeline library's informational version (with the commit it was built from, when known).</summary>
    public static string Runner => RunnerVersion.Value;

    /// <summary>The .NET SDKs installed where <c>dotnet</c> is found (see <see cref="SdkOf"/>); "unknown" when none is.</summary>
    public static string Sdk => SdkIdentity.Value;

    /// <summary>The resident runner, before each run: the SDKs are looked up again, in that run's environment.</summary>
    internal static void Forget() => SdkIdentity = NewSdkIdentity();

    private static Lazy<string> NewSdkIdentity() => new(() => SdkOf(Environment.GetEnvironmentVariable));

    /// <summary>
    /// The sorted versions in the <c>sdk</c> folder of the <c>dotnet</c> that <c>dotnet build</c> would start: the one
    /// on <c>PATH</c> (through symbolic links), else <c>DOTNET_ROOT</c>, else the one running this process. Starting
    /// <c>dotnet --version</c> would cost about 100 ms on every run; which SDK it picks depends on <c>global.json</c>,
    /// an input of its own, so installing or removing any SDK counts as a change. The folder itself is left out, so
    /// machines with the same SDKs installed in different places share fingerprints (and the build cache).
    /// </summary>
    internal static string SdkOf(Func<string, string?> environment)
    {
        try
        {
            var sdks = DotNetRoots(environment)
                .Select(root => new DirectoryInfo(Path.Combine(root, "sdk")))
                .FirstOrDefault(folder => folder.Exists);
            if (sdks is null)
            {
                return Unknown;
            }

            var versions = sdks.EnumerateDirectories().Select(folder => folder.Name).Order(StringComparer.Ordinal).ToList();
            return versions.Count == 0 ? Unknown : string.Join(' ', versions);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // A fingerprint that says "unknown" still works: it only stops telling SDKs apart.
            return Unknown;
        }
    }

    private static IEnumerable<string> DotNetRoots(Func<string, string?> environment)
    {
        var executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        foreach (var folder in (environment("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = new FileInfo(Path.Combine(folder, executable));
            if (candidate.Exists)
            {
                var real = candidate.ResolveLinkTarget(returnFinalTarget: true) ?? candidate;
                yield return Path.GetDirectoryName(real.FullName)!;
            }
        }

        if (environment("DOTNET_ROOT") is { Length: > 0 } dotnetRoot)
        {
            yield return dotnetRoot;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        if (Path.GetDirectoryName(typeof(object).Assembly.Location) is { } runtime &&
            Directory.GetParent(runtime)?.Parent?.Parent is { } root)
        {
            yield return root.FullName;
        }
    }
}
