using System.Security;
using System.Text;

namespace Pipeline.Runner.Scripting;

/// <summary>
/// The packages a script asks for with <c>#r "nuget: Name, Version"</c>, restored through the normal NuGet
/// configuration (the nuget.config nearest the script, else the user's) by building a small project in the
/// cache folder. The package assemblies are referenced when compiling and loaded from that project's
/// output folder at run time.
/// </summary>
internal sealed class NuGetPackages
{
    private const string ProjectName = "script-packages";

    private NuGetPackages(IReadOnlyList<string> assemblies, string? error)
    {
        CompileAssemblies = assemblies;
        RuntimeAssemblies = assemblies;
        Error = error;
    }

    public IReadOnlyList<string> CompileAssemblies { get; }

    public IReadOnlyList<string> RuntimeAssemblies { get; }

    public string? Error { get; }

    public static async Task<NuGetPackages> RestoreAsync(IReadOnlyList<string> references, ScriptLocation location)
    {
        if (references.Count == 0)
        {
            return new NuGetPackages([], null);
        }

        var packages = new List<(string Name, string Version)>();
        foreach (var reference in references)
        {
            var parts = reference.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                return Failed($"#r \"nuget: {reference}\" needs a package name and a version: #r \"nuget: Name, 1.2.3\".");
            }

            packages.Add((parts[0], parts[1]));
        }

        var configFile = NearestNuGetConfig(Path.GetDirectoryName(location.Path)!);
        var key = string.Join('\n', packages.Select(p => $"{p.Name}/{p.Version}").Append(configFile ?? string.Empty).Append(Environment.Version.ToString()));
        var folder = WritableFolder(Convert.ToHexStringLower(System.IO.Hashing.XxHash128.Hash(Encoding.UTF8.GetBytes(key))));
        var output = Path.Combine(folder, "out");
        await File.WriteAllTextAsync(Path.Combine(folder, $"{ProjectName}.csproj"), ProjectFile(packages));

        string[] arguments =
        [
            "build", Path.Combine(folder, $"{ProjectName}.csproj"), "--configuration", "Release", "--output", output,
            "--nologo", "--verbosity", "quiet",
            .. configFile is null ? Array.Empty<string>() : [$"-p:RestoreConfigFile={configFile}"],
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
        return new NuGetPackages(assemblies, null);
    }

    private static NuGetPackages Failed(string error) => new([], error);

    /// <summary>The restore folder in the cache; in the temporary folder when the cache cannot be written.</summary>
    private static string WritableFolder(string key)
    {
        var folder = Path.Combine(ScriptCache.Root, "packages", key);
        try
        {
            Directory.CreateDirectory(folder);
            return folder;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            var temporary = Path.Combine(Path.GetTempPath(), "pipeline-packages", key);
            Directory.CreateDirectory(temporary);
            return temporary;
        }
    }

    private static string? NearestNuGetConfig(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var config = current.EnumerateFiles().FirstOrDefault(f => f.Name.Equals("nuget.config", StringComparison.OrdinalIgnoreCase));
            if (config is not null)
            {
                return config.FullName;
            }
        }

        return null;
    }

    // Outside any repository's Directory.Build.props and central package versions: only the packages asked for.
    private static string ProjectFile(IEnumerable<(string Name, string Version)> packages) => $"""
        <Project>
          <PropertyGroup>
            <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
            <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>
            <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
          </PropertyGroup>
          <Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk" />
          <PropertyGroup>
            <TargetFramework>net{Environment.Version.Major}.0</TargetFramework>
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
