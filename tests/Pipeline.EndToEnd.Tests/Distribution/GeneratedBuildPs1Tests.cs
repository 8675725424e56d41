using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Distribution;

/// <summary>
/// The build.ps1 that <c>dotnet new pipeline</c> writes, run by the PowerShell this repository pins, in a
/// generated repository with no solution (--help, Noop and a failing Compile need none, and it is quick to make).
/// </summary>
[Collection(DistributionCollection.Name)]
[UnsupportedOSPlatform("windows")] // the logging dotnet is a shell script
[Trait(Speed.Trait, Speed.Slow)]
public sealed class GeneratedBuildPs1Tests(FreshPackages packages)
{
    [Fact]
    public async Task Generated_build_ps1_restores_the_runner_lists_the_targets_then_starts_the_pinned_runner_directly_on_warm_runs()
    {
        var repository = await SampleRepository.CreateEmptyAsync(packages);
        await repository.NewPipelineAsync();
        var subfolder = Directory.CreateDirectory(repository.Path("docs")).FullName;
        var dotnet = new LoggingDotNet(packages.NewFolder("logging-dotnet"));

        // The first run, from a subfolder, finds no runner in the (empty) packages folder: it restores the pinned tool.
        packages.ForgetRestoredTool();
        var help = await BuildPs1Async(repository, subfolder, dotnet, "--help");
        help.ShouldExitWith(0);
        Assert.Contains("Usage: ./build.ps1 [targets...]", help.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^\s*Compile\s+Builds the solution\.", RegexOptions.Multiline), help.StandardOutput);
        Assert.Matches(new Regex(@"^\s*Package \(default\)\s+Packs the solution", RegexOptions.Multiline), help.StandardOutput);
        Assert.Matches(new Regex(@"^\s*--configuration\s+string\s+Release\b", RegexOptions.Multiline), help.StandardOutput);
        Assert.Contains("tool restore", dotnet.Calls);

        // Warm runs, from the root and from a subfolder: one dotnet process, the runner itself.
        foreach (var workingDirectory in new[] { repository.Root, subfolder })
        {
            dotnet.Clear();
            var noop = await BuildPs1Async(repository, workingDirectory, dotnet, "Noop");
            noop.ShouldExitWith(0);
            Assert.Equal("succeeded", noop.OutcomeOf("Noop"));
            dotnet.ShouldHaveStartedOnlyThePinnedRunner(packages, repository.Path("build/build.csx"), "Noop");
        }
    }

    [Fact]
    public async Task Generated_build_ps1_exits_with_the_runners_code_and_passes_arguments_through_unchanged()
    {
        var repository = await SampleRepository.CreateEmptyAsync(packages);
        await repository.NewPipelineAsync();
        var dotnet = new LoggingDotNet(packages.NewFolder("logging-dotnet"));

        var failed = await BuildPs1Async(repository, repository.Root, dotnet, "Compile");
        failed.ShouldExitWith(1);
        Assert.Equal("failed", failed.OutcomeOf("Compile"));
        failed.OutputShouldContain($"No solution (*.sln or *.slnx) in {repository.Root}.");
        failed.ShouldShowNoStackTrace();

        var unknown = await BuildPs1Async(repository, repository.Root, dotnet, "Deploy");
        unknown.ShouldExitWith(2);
        unknown.ErrorShouldContain("Unknown target 'Deploy'.");
        unknown.ShouldHaveRunNoTarget();

        // pwsh -File splits an argument such as --name=a:b at its colon; the runner must get it whole, as from build.sh.
        var summary = Path.Combine(packages.NewFolder("summary"), "run: noop.json");
        var noop = await BuildPs1Async(repository, repository.Root, dotnet, "Noop", $"--summary-json={summary}");
        noop.ShouldExitWith(0);
        Assert.True(File.Exists(summary), $"No summary at '{summary}': the argument did not reach the runner whole.{Environment.NewLine}{noop}");
    }

    /// <summary>
    /// Starts the generated build.ps1 as its shebang line does (<c>pwsh -File build.ps1 ...</c>), with the logging
    /// dotnet first on PATH; PowerShell itself is started by the real dotnet, so the log holds only build.ps1's calls.
    /// </summary>
    private async Task<RunnerResult> BuildPs1Async(SampleRepository repository, string workingDirectory, LoggingDotNet dotnet, params string[] arguments)
    {
        var (program, commandLine) = await PowerShell.CommandLineAsync(repository.Path("build.ps1"), arguments);
        var environment = packages.Environment(dotnet.SearchPath);
        foreach (var (name, value) in PowerShell.Environment)
        {
            environment[name] = value;
        }

        return await Terminal.RunAsync(program, commandLine, workingDirectory, environment);
    }
}
