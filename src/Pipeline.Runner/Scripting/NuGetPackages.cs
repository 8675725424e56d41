using System.Runtime.InteropServices;
using System.Security;

namespace Pipeline.Runner.Scripting;

/// <summary>
/// The packages a script asks for with <c>#r "nuget: Name, Version"</c>, restored through the normal NuGet
/// configuration (see <see cref="NuGetConfiguration"/>) by building a small project in the cache folder. The
/// package assemblies are referenced when compiling and loaded from that project's output folder at run time.
/// A restore is done once per <see cref="PackageRestoreKey"/> (package set, NuGet configuration, framework),
/// never per script text: an edit that keeps the packages reads the stored <see cref="PackageRestoreRecord"/>.
/// </summary>
internal sealed class NuGetPackages
{
    private const string ProjectName = "script-packages";
    private const string RecordFileName = "restored";

    private NuGetPackages(IReadOnlyList<string> assemblies, string? error)
    {
        CompileAssemblies = assemblies;
        RuntimeAssemblies = assemblies;
        Error = error;
    }

    public IReadOnlyList<string> CompileAssemblies { get; }

    public IReadOnlyList<string> RuntimeAssemblies { get; }

    public string? Error { get; }

    private static string TargetFramework => $"net{Environment.Version.Major}.0";

    public static async Task<NuGetPackages> RestoreAsync(IReadOnlyList<string> references, ScriptLocation location, CacheRoot cache, RunnerTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (references.Count == 0)
        {
            return new NuGetPackages([], null);
        }

        var (packages, invalid) = ScriptPackage.Parse(references);
        if (invalid is not null)
        {
            return Failed(invalid);
        }

        var root = WritableRoot(cache);
        var configuration = NuGetConfiguration.For(Path.GetDirectoryName(location.Path)!, root);
        var key = PackageRestoreKey.Create(packages, configuration, TargetFramework, RuntimeInformation.RuntimeIdentifier, ProjectFile([]));
        var folder = Path.Combine(root, key.Hash);
        var output = Path.Combine(folder, "out");
        var record = Path.Combine(folder, RecordFileName);
        if (PackageRestoreRecord.Read(record, key, output) is { } restored)
        {
            trace.Write("packages already restored", folder);
            return new NuGetPackages(restored, null);
        }

        trace.Write("restoring packages", folder);
        Directory.CreateDirectory(folder);
        var project = Path.Combine(folder, $"{ProjectName}.csproj");
        await File.WriteAllTextAsync(project, ProjectFile(ScriptPackage.Normalise(packages)));

        string[] arguments =
        [
            "build", project, "--configuration", "Release", "--output", output,
            "--nologo", "--verbosity", "quiet",
            .. configuration.ConfigFile is null ? Array.Empty<string>() : [$"-p:RestoreConfigFile={configuration.ConfigFile}"],
        ];
        var result = await Cmd.RunAsync("dotnet", arguments, new CommandOptions { Quiet = true, AllowNonZeroExitCode = true, WorkingDirectory = folder });
        if (result.ExitCode != 0)
        {
            var detail = string.Join(Environment.NewLine, (result.StandardOutput + result.StandardError)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(line => line.Contains("error", StringComparison.OrdinalIgnoreCase))
                .Distinct()
                .Take(10));
            return Failed("could not restore the script's NuGet packages " +
                $"({string.Join(", ", packages.Select(p => $"{p.Name} {p.Version}"))}).{Environment.NewLine}{detail}");
        }

        var assemblies = Directory.EnumerateFiles(output, "*.dll")
            .Where(path => !Path.GetFileName(path).Equals($"{ProjectName}.dll", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        try
        {
            PackageRestoreRecord.Write(record, key, assemblies);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Costs a restore on the next compile, never this build.
            trace.Write($"could not record the restore ({exception.Message})", folder);
        }

        return new NuGetPackages(assemblies, null);
    }

    private static NuGetPackages Failed(string error) => new([], error);

    /// <summary>Where restores go: in the cache; in the temporary folder when the cache cannot be written.</summary>
    private static string WritableRoot(CacheRoot cache)
    {
        var root = cache.Packages;
        try
        {
            Directory.CreateDirectory(root);
            return root;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            var temporary = Path.Combine(Path.GetTempPath(), "pipeline-packages");
            Directory.CreateDirectory(temporary);
            return temporary;
        }
    }

    // Outside any repository's Directory.Build.props and central package versions: only the packages asked for.
    private static string ProjectFile(IEnumerable<ScriptPackage> packages) => $"""
        <Project>
          <PropertyGroup>
            <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
            <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>
            <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
          </PropertyGroup>
          <Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk" />
          <PropertyGroup>
            <TargetFramework>{TargetFramework}</TargetFramework>
            <CopyLocalLockFileAssemblies>true</CopyLocalLockFileAssemblies>
            <EnableDefaultItems>false</EnableDefaultItems>
            <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
            <GenerateDocumentationFile>false</GenerateDocumentationFile>
            <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
        {string.Join(Environment.NewLine, packages.Select(p => $"    <PackageReference Include=\"{SecurityElement.Escape(p.Name)}\" Version=\"{SecurityElement.Escape(p.Version)}\" />"))}
          </ItemGroup>
          <Import Project="Sdk.targets" Sdk="Microsoft.NET.Sdk" />
        </Project>
        """;
}
