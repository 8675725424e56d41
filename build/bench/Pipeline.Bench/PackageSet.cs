using System.Globalization;
using System.Runtime.InteropServices;

namespace Pipeline.Bench;

/// <summary>
/// The freshly packed packages the no-op repository is made from: Pipeline.Templates, and Pipeline.Tool with
/// its runtime-specific packages, all of one version, the version the template pins. Packed by the harness
/// from the working tree (<see cref="PackAsync"/>), or found in a folder given with --packages.
/// </summary>
internal sealed record PackageSet(string Folder, string Version, string TemplatesPackage, string RunnerPackageId, string RunnerPackage)
{
    private const string TemplatesPrefix = "Pipeline.Templates.";

    /// <summary>This machine's portable runtime identifier (linux-x64, osx-arm64, ...), as build.sh computes it.</summary>
    public static string RuntimeIdentifier { get; } =
        $"{(OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "osx" : "win")}-{RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}";

    /// <summary>
    /// Packs the runner tool and the template from the working tree with a package version no other build had,
    /// into a package folder in the scratch folder. Intermediate files go to <paramref name="intermediate"/>
    /// (kept between runs: only the package version changes, so the next run's build is incremental), never to
    /// the working tree's bin/ and obj/; packing uses the machine's own NuGet configuration and packages folder.
    /// </summary>
    public static async Task<PackageSet> PackAsync(Scratch scratch, string repositoryRoot, string intermediate)
    {
        var output = scratch.Folder("packages");
        var version = string.Create(CultureInfo.InvariantCulture, $"0.1.0-bench.{DateTime.UtcNow:yyyyMMddHHmmss}");
        foreach (var project in new[] { "src/Pipeline.Runner/Pipeline.Runner.csproj", "templates/Pipeline.Templates.csproj" })
        {
            var path = Path.Combine(repositoryRoot, project);
            if (!File.Exists(path))
            {
                throw new MeasurementException($"No {project} in {repositoryRoot}: nothing to pack the no-op repository from.");
            }

            await BenchProcess.RunSuccessfullyAsync(
                DotNetHost.Path,
                [
                    "pack", path, "--configuration", "Release", "--nologo", "--verbosity", "quiet",
                    "--output", output, "--artifacts-path", intermediate, $"-p:PackageVersion={version}",
                ],
                repositoryRoot,
                Scratch.PackingEnvironment(),
                HangGuard.ColdBuild);
        }

        return Find(output);
    }

    public static PackageSet Find(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new MeasurementException($"No package folder {folder}: pass the folder that ./build.sh Package wrote (artifacts/packages), or no --packages to pack afresh.");
        }

        var templates = Directory.EnumerateFiles(folder, $"{TemplatesPrefix}*.nupkg").Order(StringComparer.Ordinal).ToList();
        if (templates.Count != 1)
        {
            throw new MeasurementException(
                $"Expected one {TemplatesPrefix}<version>.nupkg in {folder}, found {templates.Count}: {string.Join(", ", templates.Select(Path.GetFileName))}.");
        }

        var fileName = Path.GetFileName(templates[0]);
        var version = fileName[TemplatesPrefix.Length..^".nupkg".Length];
        var pointer = Path.Combine(folder, $"Pipeline.Tool.{version}.nupkg");
        if (!File.Exists(pointer))
        {
            throw new MeasurementException($"No Pipeline.Tool.{version}.nupkg in {folder}: the template pins a runner that was not packed.");
        }

        // build.sh starts the runtime-specific (ReadyToRun) runner when there is one, else the portable one.
        foreach (var id in new[] { $"Pipeline.Tool.{RuntimeIdentifier}", "Pipeline.Tool.any" })
        {
            var package = Path.Combine(folder, $"{id}.{version}.nupkg");
            if (File.Exists(package))
            {
                return new PackageSet(folder, version, templates[0], id, package);
            }
        }

        // A tool packed without runtime identifiers: the pointer package holds the runner itself.
        return new PackageSet(folder, version, templates[0], "Pipeline.Tool", pointer);
    }
}
