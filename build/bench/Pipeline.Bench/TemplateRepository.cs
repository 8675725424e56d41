using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;

namespace Pipeline.Bench;

/// <summary>
/// A user's repository with a Pipeline build, made the way a user makes one: <c>git init</c>, a nuget.config
/// whose only source is the fresh packages' folder (the machine's NuGet packages folder as a fallback, for the test
/// packages), the <see cref="SampleSolution"/>, <c>dotnet new install</c> of the fresh template package into a
/// template hive of its own, <c>dotnet new pipeline</c>. Its first <c>./build.sh Noop</c> restores the pinned
/// runner into the scratch NuGet packages folder and compiles the script; every later run is warm.
/// </summary>
internal sealed class TemplateRepository
{
    private readonly Scratch _scratch;

    private TemplateRepository(Scratch scratch, string root, PackageSet packages)
    {
        _scratch = scratch;
        Root = root;
        Packages = packages;
    }

    public string Root { get; }

    public PackageSet Packages { get; }

    public string BuildSh => Path.Combine(Root, "build.sh");

    public string Script => Path.Combine(Root, "build", "build.csx");

    /// <summary>The command of a no-op run: ./build.sh Noop, started by its path as a user types it.</summary>
    public (string Program, string[] Arguments) NoopCommand => (BuildSh, ["Noop"]);

    /// <summary>The command that lists the targets and parameters: ./build.sh --help.</summary>
    public (string Program, string[] Arguments) HelpCommand => (BuildSh, ["--help"]);

    /// <summary>
    /// Where <c>dotnet tool restore</c> extracted the runner for this machine: its Pipeline.Runner.dll and, in the
    /// runtime-specific package, the native client build.sh starts first (pipeline-client).
    /// </summary>
    public string RestoredToolFolder
    {
        get
        {
            var id = Packages.RunnerPackageId.ToLowerInvariant();
            var runtime = id.StartsWith("pipeline.tool.", StringComparison.Ordinal) ? id["pipeline.tool.".Length..] : "any";
            return Path.Combine(_scratch.NuGetPackages, id, Packages.Version.ToLowerInvariant(), "tools", "net10.0", runtime);
        }
    }

    public static async Task<TemplateRepository> CreateAsync(Scratch scratch, PackageSet packages, SampleSolution solution, int generatedSources)
    {
        var root = scratch.Folder("repository");
        var repository = new TemplateRepository(scratch, root, packages);
        await repository.RunAsync("git", "init", "--quiet");
        WriteNuGetConfig(root, packages.Folder, solution.UserNuGetPackages);
        solution.WriteTo(root, generatedSources);

        var hive = scratch.Folder("template-hive");
        await repository.RunAsync(DotNetHost.Path, "new", "install", packages.TemplatesPackage, "--debug:custom-hive", hive);
        await repository.RunAsync(DotNetHost.Path, "new", "pipeline", "--debug:custom-hive", hive);

        repository.CheckGeneratedFiles();
        await repository.FirstRunAsync();
        return repository;
    }

    /// <summary>Appends a comment line to the script: an edit that changes its content, so the cached compilation no longer matches.</summary>
    public void AppendEdit(int counter) =>
        File.AppendAllText(Script, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Environment.NewLine}// bench edit {counter}{Environment.NewLine}"));

    /// <summary>
    /// Deletes what the runner recorded of earlier successful runs (<c>.pipeline/state</c>), so the next run has no
    /// target up to date.
    /// </summary>
    public void ForgetRecordedState()
    {
        var state = Path.Combine(Root, ".pipeline", "state");
        if (Directory.Exists(state))
        {
            Directory.Delete(state, recursive: true);
        }
    }

    /// <summary>Fails unless a no-op run succeeded.</summary>
    public static void CheckNoop(ChildProcessResult result, string what)
    {
        if (result.ExitCode != 0 || !result.StandardOutput.Contains("Noop", StringComparison.Ordinal))
        {
            throw new MeasurementException($"{what}: ./build.sh Noop did not succeed: {result.Describe()}");
        }
    }

    private static void WriteNuGetConfig(string root, string source, string fallback) =>
        new XDocument(
            new XElement(
                "configuration",
                new XElement(
                    "packageSources",
                    new XElement("clear"),
                    new XElement("add", new XAttribute("key", "pipeline-fresh"), new XAttribute("value", source))),
                new XElement(
                    "fallbackPackageFolders",
                    new XElement("add", new XAttribute("key", "machine-packages"), new XAttribute("value", fallback)))))
            .Save(Path.Combine(root, "nuget.config"));

    private void CheckGeneratedFiles()
    {
        foreach (var file in new[] { BuildSh, Script, Path.Combine(Root, ".config", "dotnet-tools.json") })
        {
            if (!File.Exists(file))
            {
                throw new MeasurementException($"dotnet new pipeline wrote no {Path.GetRelativePath(Root, file)}.");
            }
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(BuildSh) & UnixFileMode.UserExecute) == 0)
        {
            throw new MeasurementException("dotnet new pipeline left build.sh not executable.");
        }

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, ".config", "dotnet-tools.json")));
        var pinned = manifest.RootElement.GetProperty("tools").GetProperty("pipeline.tool").GetProperty("version").GetString();
        if (pinned != Packages.Version)
        {
            throw new MeasurementException($"The template pins pipeline.tool {pinned}, not the packed {Packages.Version}.");
        }
    }

    /// <summary>
    /// The first run restores the pinned tool and compiles the script. Then: the runner build.sh starts must be
    /// the one just packed (the extracted package's hash is the packed file's), and the next run must be a cache hit.
    /// </summary>
    private async Task FirstRunAsync()
    {
        var first = await BenchProcess.RunAsync(BuildSh, ["Noop"], Root, _scratch.Environment(), HangGuard.Default);
        CheckNoop(first, "First run (tool restore and script compile)");

        // NuGet keeps a copy of the package it extracted next to the files: it must be the packed file, byte for byte.
        var id = Packages.RunnerPackageId.ToLowerInvariant();
        var version = Packages.Version.ToLowerInvariant();
        var restored = Path.Combine(_scratch.NuGetPackages, id, version, $"{id}.{version}.nupkg");
        if (!File.Exists(restored))
        {
            throw new MeasurementException($"dotnet tool restore did not extract {Packages.RunnerPackageId} {Packages.Version} into {_scratch.NuGetPackages}.");
        }

        if (!SHA256.HashData(File.ReadAllBytes(restored)).AsSpan().SequenceEqual(SHA256.HashData(File.ReadAllBytes(Packages.RunnerPackage))))
        {
            throw new MeasurementException($"The restored {Packages.RunnerPackageId} {Packages.Version} is not the packed {Packages.RunnerPackage}.");
        }

        var traced = _scratch.Environment();
        traced["PIPELINE_TRACE"] = "1";
        var second = await BenchProcess.RunAsync(BuildSh, ["Noop"], Root, traced, HangGuard.Default);
        CheckNoop(second, "Second run");
        if (!second.StandardError.Contains("pipeline: cache hit", StringComparison.Ordinal))
        {
            throw new MeasurementException($"The second run was not a script cache hit, so warm runs would not be warm: {second.Describe()}");
        }
    }

    private Task<ChildProcessResult> RunAsync(string program, params string[] arguments) =>
        BenchProcess.RunSuccessfullyAsync(program, arguments, Root, _scratch.Environment(), HangGuard.Default);
}
