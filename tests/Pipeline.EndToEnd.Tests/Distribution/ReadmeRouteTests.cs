using System.Runtime.Versioning;
using System.Text.Json;
using Pipeline.Delivery;
using Pipeline.Hosts;

namespace Pipeline.EndToEnd.Tests.Distribution;

/// <summary>
/// The README's route into a user's repository, run as written: the commands of its marked block, in one bash, in a
/// fresh user repository with a solution, against a clone of this repository whose production folder holds the
/// fresh packages. Only the clone's folder is the test's, in the variable the README asks the user to set.
/// </summary>
[Collection(DistributionCollection.Name)]
[UnsupportedOSPlatform("windows")] // bash, build.sh
[Trait(Speed.Trait, Speed.Slow)]
public sealed class ReadmeRouteTests(FreshPackages packages)
{
    [Fact]
    public async Task Readme_route_from_a_released_clone_sets_up_a_repository_whose_build_tests_and_packages_it()
    {
        var commands = ReadmeBlock.Read(Path.Combine(packages.RepositoryRoot, "README.md"), ReadmeBlock.RouteMarker);
        var clone = await ReleasedCloneAsync();

        // The user's machine: a NuGet configuration above the repository that only lends the user's packages folder
        // (xunit and the like restore offline), and a .NET CLI home and packages folder of its own, so the template
        // hive, the user-level NuGet configuration and the tool resolver cache are the test's, and the runner can
        // only come from where the README's commands point.
        var machine = packages.NewFolder("readme-route");
        packages.WriteFallbackOnlyNuGetConfig(machine);
        var repository = await SampleRepository.CreateWithoutNuGetConfigAsync(packages, Path.Combine(machine, "repository"));
        var environment = packages.Environment();
        environment["DOTNET_CLI_HOME"] = Path.Combine(machine, "dotnet-cli-home");
        environment["NUGET_PACKAGES"] = Path.Combine(machine, "nuget-packages");
        environment["pipeline_clone"] = clone;

        var transcript = await ShellTranscript.RunAsync(commands, repository.Root, environment);

        Assert.True(transcript.Whole.ExitCode == 0, $"The README's command '{transcript.LastCommand}' failed.{Environment.NewLine}{transcript}");
        Assert.Equal(packages.Version, PinnedRunnerVersion(repository));

        var build = transcript.Of("./build.sh");
        Assert.Equal(["Compile", "Test", "Package"], build.SummaryRows.Select(r => r.Target));
        Assert.All(build.SummaryRows, row => Assert.Equal("succeeded", row.Outcome));
        Assert.Equal($"Test: {SampleRepository.TestCount} passed, 0 failed", build.LastOutputLine);
        Assert.True(File.Exists(repository.Path("artifacts/packages/Sample.Lib.1.0.0.nupkg")), $"./build.sh packed no Sample.Lib.{Environment.NewLine}{transcript}");

        // Nothing changed since ./build.sh built and tested: Test is up to date and replays its result.
        var test = transcript.Of("./build.sh Test");
        Assert.Equal("up to date", test.OutcomeOf("Test"));
        Assert.Equal($"Test: {SampleRepository.TestCount} passed, 0 failed", test.LastOutputLine);

        var help = transcript.Of("./build.sh --help");
        help.OutputShouldContain("Compile");

        // What the commands configured went to the test's machine, not to the real one running the tests.
        var userNuGetConfig = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "NuGet", "NuGet.Config");
        Assert.False(
            File.Exists(userNuGetConfig) && File.ReadAllText(userNuGetConfig).Contains(clone, StringComparison.Ordinal),
            $"The README's commands added the clone to the real {userNuGetConfig}.");
    }

    /// <summary>
    /// A clone of this repository after <c>./build.sh Release --approve</c>, as far as the README's route reads it: the
    /// fresh packages deployed by the deployer that release uses, the default one of <c>ProductionEnvironment("production")</c>
    /// in a build rooted at the clone. (The release itself would run this repository's whole test suite.)
    /// </summary>
    private async Task<string> ReleasedCloneAsync()
    {
        var clone = packages.NewFolder("pipeline-clone");
        var candidate = Directory.CreateDirectory(Path.Combine(clone, "artifacts", "packages")).FullName;
        foreach (var package in Directory.GetFiles(packages.Source, "*.nupkg"))
        {
            File.Copy(package, Path.Combine(candidate, Path.GetFileName(package)));
        }

        var manifest = ReleaseManifest.Create(candidate, packages.Version, new BuildIdentity { Host = "local", IsLocal = true }, dirty: false, DateTimeOffset.UtcNow);
        manifest.WriteTo(candidate);
        var production = new Build(AbsolutePath.From(clone)).ProductionEnvironment("production");
        var deployment = new Deployment(production.Name, manifest, manifest.Digest, AbsolutePath.From(candidate));
        await production.Deployer.DeployAsync(deployment, production.Kind, CancellationToken.None);
        return clone;
    }

    private static string PinnedRunnerVersion(SampleRepository repository)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(repository.Path(".config/dotnet-tools.json")));
        return manifest.RootElement.GetProperty("tools").GetProperty("pipeline.tool").GetProperty("version").GetString()!;
    }
}
