using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Distribution;

/// <summary>
/// From <c>dotnet new pipeline</c> to a warm run, as a user does it: the template package installed from
/// the fresh packages, the generated build.sh started as a real process in a real repository.
/// </summary>
[Collection(DistributionCollection.Name)]
[UnsupportedOSPlatform("windows")] // build.sh, file modes
[Trait(Speed.Trait, Speed.Slow)]
public sealed class DotNetNewPipelineTests(FreshPackages packages)
{
    [Fact]
    public async Task Generated_build_tests_the_solution_then_starts_the_pinned_runner_directly_on_warm_runs()
    {
        var repository = await SampleRepository.CreateAsync(packages);
        await repository.NewPipelineAsync();

        Assert.True(File.Exists(repository.Path("build/build.csx")), "dotnet new pipeline wrote no build/build.csx.");
        Assert.Equal(packages.Version, PinnedRunnerVersion(repository));
        Assert.True(
            (File.GetUnixFileMode(repository.Path("build.sh")) & UnixFileMode.UserExecute) != 0,
            "build.sh is not executable after dotnet new pipeline.");

        // The first run finds no runner in the (empty) packages folder: it restores the pinned tool, then runs.
        packages.ForgetRestoredTool();
        var dotnet = new LoggingDotNet(packages.NewFolder("logging-dotnet"));
        var test = await BuildShAsync(repository, repository.Root, dotnet, "Test");
        test.ShouldExitWith(0);
        Assert.Equal($"Test: {SampleRepository.TestCount} passed, 0 failed", test.LastOutputLine);
        Assert.Equal("succeeded", test.OutcomeOf("Compile"));
        Assert.Equal("succeeded", test.OutcomeOf("Test"));
        Assert.Contains("tool restore", dotnet.Calls);
        Assert.True(Directory.EnumerateFiles(repository.Path("artifacts/test-results"), "*.trx").Any(), "No TRX report in artifacts/test-results.");

        // Warm runs, from the root and from a subfolder: one dotnet process, the runner itself.
        foreach (var workingDirectory in new[] { repository.Root, repository.Path("src/Sample.Lib") })
        {
            dotnet.Clear();
            var noop = await BuildShAsync(repository, workingDirectory, dotnet, "Noop");
            noop.ShouldExitWith(0);
            Assert.Equal("succeeded", noop.OutcomeOf("Noop"));
            dotnet.ShouldHaveStartedOnlyThePinnedRunner(packages, repository.Path("build/build.csx"), "Noop");
        }
    }

    [Fact]
    public async Task Generated_build_lists_its_targets_and_packages_the_solution_with_checksums()
    {
        var repository = await SampleRepository.CreateAsync(packages);
        await repository.NewPipelineAsync();
        var dotnet = new LoggingDotNet(packages.NewFolder("logging-dotnet"));

        var help = await BuildShAsync(repository, repository.Root, dotnet, "--help");
        help.ShouldExitWith(0);
        Assert.Matches(new Regex(@"^\s*Compile\s+Builds the solution\.", RegexOptions.Multiline), help.StandardOutput);
        Assert.Matches(new Regex(@"^\s*Test\s+Runs the tests", RegexOptions.Multiline), help.StandardOutput);
        Assert.Matches(new Regex(@"^\s*Package \(default\)\s+Packs the solution", RegexOptions.Multiline), help.StandardOutput);
        Assert.Matches(new Regex(@"^\s*--configuration\s+string\s+Release\b", RegexOptions.Multiline), help.StandardOutput);
        Assert.DoesNotContain("Noop", help.StandardOutput, StringComparison.Ordinal);

        var package = await BuildShAsync(repository, repository.Root, dotnet);
        package.ShouldExitWith(0);
        Assert.Equal(["Compile", "Test", "Package"], package.SummaryRows.Select(r => r.Target));
        Assert.All(package.SummaryRows, row => Assert.Equal("succeeded", row.Outcome));
        Assert.Equal($"Test: {SampleRepository.TestCount} passed, 0 failed", package.LastOutputLine);

        var library = repository.Path("artifacts/packages/Sample.Lib.1.0.0.nupkg");
        Assert.True(File.Exists(library), $"No {library}.{Environment.NewLine}{package}");
        var sums = File.ReadAllLines(repository.Path("artifacts/packages/SHA256SUMS"));
        Assert.Equal($"{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(library)))}  Sample.Lib.1.0.0.nupkg", Assert.Single(sums));
    }

    [Fact]
    public async Task Generated_build_fails_with_a_clear_message_when_the_root_has_no_solution_or_several()
    {
        var repository = await SampleRepository.CreateEmptyAsync(packages);
        await repository.NewPipelineAsync();
        var dotnet = new LoggingDotNet(packages.NewFolder("logging-dotnet"));

        var none = await BuildShAsync(repository, repository.Root, dotnet, "Compile");
        none.ShouldExitWith(1);
        none.OutputShouldContain($"No solution (*.sln or *.slnx) in {repository.Root}.");
        none.ShouldShowNoStackTrace();

        await repository.DotNetAsync("new", "sln", "--name", "Client", "--format", "sln");
        await repository.DotNetAsync("new", "sln", "--name", "Server", "--format", "slnx");
        var several = await BuildShAsync(repository, repository.Root, dotnet, "Compile");
        several.ShouldExitWith(1);
        several.OutputShouldContain($"Several solutions in {repository.Root}: Client.sln, Server.slnx.");
        several.ShouldShowNoStackTrace();
    }

    /// <summary>Starts the generated build.sh, as a user would type its path, with the logging dotnet first on PATH.</summary>
    private Task<RunnerResult> BuildShAsync(SampleRepository repository, string workingDirectory, LoggingDotNet dotnet, params string[] arguments) =>
        Terminal.RunAsync(repository.Path("build.sh"), arguments, workingDirectory, packages.Environment(dotnet.SearchPath));

    private static string PinnedRunnerVersion(SampleRepository repository)
    {
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(repository.Path(".config/dotnet-tools.json")));
        return manifest.RootElement.GetProperty("tools").GetProperty("pipeline.tool").GetProperty("version").GetString()!;
    }
}
