using System.Runtime.Versioning;
using Pipeline.EndToEnd.Tests.Distribution;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Resident;

/// <summary>
/// The generated build.sh of <c>dotnet new pipeline</c> starts the native client that the tool package for this
/// platform carries, and the client runs the build in a resident runner started from that same package.
/// </summary>
[Collection(DistributionCollection.Name)]
[UnsupportedOSPlatform("windows")] // build.sh, Unix domain sockets
[Trait(Speed.Trait, Speed.Slow)]
public sealed class ClientTemplateTests(FreshPackages packages)
{
    [Fact]
    public async Task The_generated_build_sh_runs_the_build_through_the_tool_packages_client_in_a_resident_runner()
    {
        var repository = await SampleRepository.CreateAsync(packages);
        await repository.NewPipelineAsync();
        await using var runners = new ResidentRunners();
        var environment = packages.Environment();
        environment["PIPELINE_RUNNER"] = "on";
        environment["PIPELINE_RUNNER_DIR"] = runners.Directory;
        environment["PIPELINE_RUNNER_IDLE"] = "2m";

        var first = await Terminal.RunAsync(repository.Path("build.sh"), ["Noop"], repository.Root, environment);
        var second = await Terminal.RunAsync(repository.Path("build.sh"), ["Noop"], repository.Root, environment);

        first.ShouldExitWith(0);
        second.ShouldExitWith(0);
        Assert.Equal("succeeded", second.OutcomeOf("Noop"));
        Assert.Single(runners.Sockets);
        var runner = Assert.Single(ResidentRunnerCommandLines(runners.Directory));
        var packageFolder = Path.Combine(packages.NuGetPackages, $"pipeline.tool.{System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}", packages.Version.ToLowerInvariant());
        Assert.Contains(Path.Combine(packageFolder, "tools"), runner, StringComparison.Ordinal);
    }

    /// <summary>The command lines of the resident runners serving <paramref name="directory"/>, from /proc.</summary>
    private static IEnumerable<string> ResidentRunnerCommandLines(string directory)
    {
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(process, "cmdline")).Replace('\0', ' ');
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (commandLine.Contains($"--resident {directory} ", StringComparison.Ordinal))
            {
                yield return commandLine;
            }
        }
    }
}
