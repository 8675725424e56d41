using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using Pipeline.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Pipeline.EndToEnd.Tests.RepositoryBuild;

/// <summary>
/// This repository's own <c>build.ps1</c>, run by the PowerShell the repository pins, in the copy the
/// <c>./build.sh</c> tests use: both scripts share the runner they publish into .pipeline/runner.
/// </summary>
[Collection(RepositoryBuildCollection.Name)]
[UnsupportedOSPlatform("windows")] // RepositoryCopy
[Trait(Speed.Trait, Speed.Slow)]
public sealed class BuildPs1Tests(RepositoryCopy repository, ITestOutputHelper output)
{
    [Fact]
    public async Task Build_ps1_lists_the_targets_plans_from_a_subfolder_and_exits_2_on_an_unknown_target_or_without_dotnet()
    {
        var help = await RunAsync(repository.Root, "--help");
        help.ShouldExitWith(0);
        Assert.Contains("Usage: ./build.ps1 [targets...]", help.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^\s*Compile\s+Builds the solution\.", RegexOptions.Multiline), help.StandardOutput);
        Assert.Matches(new Regex(@"^\s*PublishQa \(default\)\s", RegexOptions.Multiline), help.StandardOutput);

        var plan = await RunAsync(repository.Path("src"), "--plan", "Test");
        plan.ShouldExitWith(0);
        plan.ShouldHaveRunNoTarget();
        Assert.Equal("Plan", plan.OutputLines[0].Trim());
        Assert.Matches(new Regex(@"^\W*Test\b", RegexOptions.Multiline), plan.StandardOutput);
        Assert.Matches(new Regex(@"^\W*Compile\b", RegexOptions.Multiline), plan.StandardOutput);

        var unknown = await RunAsync(repository.Root, "Deploy");
        unknown.ShouldExitWith(2);
        unknown.ErrorShouldContain("Unknown target 'Deploy'.");
        unknown.ShouldHaveRunNoTarget();

        // PowerShell is started by its full path here; build.ps1 itself finds no dotnet to start the runner with.
        var noDotNet = await repository.BuildPs1Async(
            new Dictionary<string, string?> { ["PATH"] = repository.NewHostFolder("path-without-dotnet") }, repository.Root, "--plan");
        noDotNet.ShouldExitWith(2);
        noDotNet.ErrorShouldContain("error: the .NET SDK is not installed (no 'dotnet' on PATH).");
        noDotNet.ShouldShowNoStackTrace();
    }

    private async Task<RunnerResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        var warm = repository.RunnerBuilt;
        var run = await repository.BuildPs1Async(workingDirectory, arguments);
        output.WriteLine($"build.ps1 {string.Join(' ', arguments)} (in {workingDirectory}), exit code {run.ExitCode}:");
        output.WriteLine(run.ToString());

        // The runner is rebuilt only when a source changed: never after a run (of build.ps1 or build.sh) built it.
        Assert.False(
            warm && run.StandardError.Contains("Building the Pipeline runner", StringComparison.Ordinal),
            $"build.ps1 rebuilt the runner although an earlier run built it and no source changed since.{Environment.NewLine}{run}");
        return run;
    }
}
