using System.Globalization;
using System.Security.Cryptography;
using System.Xml.Linq;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Distribution;

/// <summary>
/// This repository's packages (the Pipeline library, the Pipeline.Tool runner and Pipeline.Templates), packed
/// from the working tree once for the distribution tests, with a version no other build ever had, into a
/// local folder that the tests' repositories use as a package source.
/// </summary>
/// <remarks>
/// The packages never reach the user's machine: packing writes its intermediate files under the scratch
/// folder (<c>--artifacts-path</c>), not the working tree's bin/ and obj/, and every process a test starts gets
/// its own NuGet packages folder, .NET CLI home (tool resolver cache, first-run files), template hive and
/// Pipeline script cache, all under the scratch folder, which is deleted afterwards.
/// </remarks>
public sealed class FreshPackages : IAsyncLifetime
{
    public FreshPackages()
    {
        Scratch = Directory.CreateTempSubdirectory("pipeline-distribution-").FullName;
        Version = string.Create(
            CultureInfo.InvariantCulture,
            $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}{RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz", 6)}");
        Source = Path.Combine(Scratch, "packages");
        NuGetPackages = Path.Combine(Scratch, "nuget-packages");
        CliHome = Path.Combine(Scratch, "dotnet-cli-home");
    }

    /// <summary>The version every package was packed with, e.g. <c>0.1.0-e2e.20250101120000qxkvbz</c>.</summary>
    public string Version { get; }

    /// <summary>The folder holding the packed .nupkg files: the tests' local package source.</summary>
    public string Source { get; }

    /// <summary>The NuGet global packages folder (NUGET_PACKAGES) of every process the tests start.</summary>
    public string NuGetPackages { get; }

    /// <summary>The user's own NuGet packages folder, read only: a fallback folder, so xunit and the like restore offline.</summary>
    public string UserNuGetPackages { get; private set; } = string.Empty;

    /// <summary>The DOTNET_CLI_HOME of every process the tests start.</summary>
    public string CliHome { get; }

    public string RepositoryRoot { get; } = FindRepositoryRoot();

    public string TemplatesPackage => Path.Combine(Source, $"Pipeline.Templates.{Version}.nupkg");

    /// <summary>Package versions this repository's own tests use (Directory.Packages.props), so they are cached already.</summary>
    public IReadOnlyDictionary<string, string> CentralPackageVersions { get; private set; } = new Dictionary<string, string>();

    private string Scratch { get; }

    /// <summary>A new empty folder under the scratch folder.</summary>
    public string NewFolder(string name) => Directory.CreateDirectory(Path.Combine(Scratch, "work", name, Guid.NewGuid().ToString("N")[..8])).FullName;

    /// <summary>
    /// Undoes an earlier test's restore of the runner tool (its packages and the SDK's record of restored tools),
    /// so the next generated build starts as on a machine that never ran one, whichever test ran before it.
    /// </summary>
    public void ForgetRestoredTool()
    {
        if (Directory.Exists(NuGetPackages))
        {
            foreach (var tool in Directory.EnumerateDirectories(NuGetPackages, "pipeline.tool*"))
            {
                Directory.Delete(tool, recursive: true);
            }
        }

        var restoredTools = Path.Combine(CliHome, ".dotnet", "toolResolverCache");
        if (Directory.Exists(restoredTools))
        {
            Directory.Delete(restoredTools, recursive: true);
        }
    }

    /// <summary>
    /// The environment of a process a test starts, as a user's terminal would give it, but isolated from the
    /// user's machine; <paramref name="path"/> replaces PATH when given.
    /// </summary>
    public Dictionary<string, string?> Environment(string? path = null)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["NUGET_PACKAGES"] = NuGetPackages,
            ["DOTNET_CLI_HOME"] = CliHome,
            ["PIPELINE_CACHE"] = Path.Combine(Scratch, "pipeline-cache"),
            ["NO_COLOR"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "1",
            ["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false",
            // No build cache shared between tests: another test's sample repository has the same fingerprints, so
            // its targets would be restored from it instead of run.
            ["PIPELINE_BUILD_CACHE"] = "off",
            // No build servers or reused MSBuild nodes outliving a test and holding its output pipes open.
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        };
        if (path is not null)
        {
            variables["PATH"] = path;
        }

        return variables;
    }

    /// <summary>
    /// Writes <c>nuget.config</c> into <paramref name="folder"/>: the local folder with the fresh packages as a
    /// source (nuget.org stays, from the user's configuration), and the user's packages folder as a fallback.
    /// </summary>
    public void WriteNuGetConfig(string folder) =>
        SaveNuGetConfig(folder, new XElement("packageSources", new XElement("add", new XAttribute("key", "pipeline-fresh"), new XAttribute("value", Source))));

    /// <summary>
    /// Writes <c>nuget.config</c> into <paramref name="folder"/> with no source of the fresh packages, only the user's
    /// packages folder as a fallback: the configuration of a machine that has never heard of them, for repositories below it.
    /// </summary>
    public void WriteFallbackOnlyNuGetConfig(string folder) => SaveNuGetConfig(folder);

    private void SaveNuGetConfig(string folder, params XElement[] sections)
    {
        var fallback = new XElement("fallbackPackageFolders", new XElement("add", new XAttribute("key", "user-packages"), new XAttribute("value", UserNuGetPackages)));
        new XDocument(new XElement("configuration", sections, fallback)).Save(Path.Combine(folder, "nuget.config"));
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Source);
        CentralPackageVersions = ReadCentralPackageVersions(Path.Combine(RepositoryRoot, "Directory.Packages.props"));
        UserNuGetPackages = await FindUserNuGetPackagesAsync();

        // The library first: the runner references it, and its build is then reused.
        await PackAsync("src/Pipeline/Pipeline.csproj");
        await PackAsync("src/Pipeline.Runner/Pipeline.Runner.csproj");
        await PackAsync("templates/Pipeline.Templates.csproj");

        string[] expected = [$"Pipeline.{Version}.nupkg", $"Pipeline.Tool.{Version}.nupkg", $"Pipeline.Templates.{Version}.nupkg"];
        foreach (var package in expected)
        {
            Assert.True(File.Exists(Path.Combine(Source, package)), $"Packing did not produce {package}; found: {string.Join(", ", Directory.GetFiles(Source).Select(Path.GetFileName))}");
        }
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Scratch, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the folder is under the temp folder.
        }
        catch (UnauthorizedAccessException)
        {
            // Read-only package files; the folder is under the temp folder.
        }

        return Task.CompletedTask;
    }

    private async Task PackAsync(string project)
    {
        // Packed in the user's own environment (its packages folder has the repository's dependencies), with
        // the intermediate and output files under the scratch folder, not in the working tree's bin/ and obj/.
        await Terminal.RunSuccessfullyAsync(
            DotNetHost.Path,
            [
                "pack", Path.Combine(RepositoryRoot, project), "--configuration", "Release", "--nologo",
                "--output", Source, "--artifacts-path", Path.Combine(Scratch, "artifacts"), $"-p:Version={Version}",
            ],
            RepositoryRoot,
            new Dictionary<string, string?>
            {
                ["DOTNET_NOLOGO"] = "1",
                ["MSBUILDDISABLENODEREUSE"] = "1",
                ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            },
            HangGuard.ColdBuild);
    }

    private async Task<string> FindUserNuGetPackagesAsync()
    {
        var result = await Terminal.RunSuccessfullyAsync(
            DotNetHost.Path, ["nuget", "locals", "global-packages", "--list"], RepositoryRoot, new Dictionary<string, string?>());
        const string Prefix = "global-packages:";
        var line = result.OutputLines.Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        Assert.True(line is not null, $"Could not read the NuGet packages folder.{System.Environment.NewLine}{result}");
        return line![Prefix.Length..].Trim();
    }

    private static Dictionary<string, string> ReadCentralPackageVersions(string propsFile) =>
        XDocument.Load(propsFile)
            .Descendants("PackageVersion")
            .Where(e => e.Attribute("Include") is not null && e.Attribute("Version") is not null)
            .ToDictionary(e => e.Attribute("Include")!.Value, e => e.Attribute("Version")!.Value, StringComparer.OrdinalIgnoreCase);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "templates", "Pipeline.Templates.csproj")) &&
                File.Exists(Path.Combine(directory.FullName, "Directory.Packages.props")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root (with templates/Pipeline.Templates.csproj) above {AppContext.BaseDirectory}.");
    }
}
