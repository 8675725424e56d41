using System.Runtime.Versioning;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Distribution;

/// <summary>
/// The inputs and outputs that <c>dotnet new pipeline</c> declares for Compile, Test and Package, in a user's
/// repository: a second run with nothing changed finds them up to date, an edit of the library runs them again, a
/// file no compiler reads leaves Compile and Test alone.
/// </summary>
[Collection(DistributionCollection.Name)]
[UnsupportedOSPlatform("windows")] // build.sh
[Trait(Speed.Trait, Speed.Slow)]
public sealed class GeneratedBuildIncrementalTests(FreshPackages packages)
{
    private const string UpToDate = "up to date";

    [Fact]
    public async Task Generated_build_skips_an_unchanged_solution_and_reruns_what_an_edit_of_the_library_changes()
    {
        var repository = await SampleRepository.CreateAsync(packages);
        await repository.NewPipelineAsync();
        var closingLine = $"Test: {SampleRepository.TestCount} passed, 0 failed";

        var first = await BuildShAsync(repository, "Test");
        first.ShouldExitWith(0);
        Assert.Equal(["succeeded", "succeeded"], Outcomes(first, "Compile", "Test"));

        // Nothing changed: neither body runs, and Test replays its result, closing line included.
        var again = await BuildShAsync(repository, "Test");
        again.ShouldExitWith(0);
        Assert.Equal([UpToDate, UpToDate], Outcomes(again, "Compile", "Test"));
        Assert.Equal(closingLine, again.LastOutputLine);

        // A changed library source: Compile builds again, and Test tests what it built.
        var calculator = repository.Path("src/Sample.Lib/Calculator.cs");
        File.WriteAllText(calculator, File.ReadAllText(calculator).Replace("left + right", "right + left", StringComparison.Ordinal));
        var edited = await BuildShAsync(repository, "Test");
        edited.ShouldExitWith(0);
        Assert.Equal(["succeeded", "succeeded"], Outcomes(edited, "Compile", "Test"));
        Assert.Equal(closingLine, edited.LastOutputLine);

        // A file no compiler reads: Compile and Test stay up to date (Package, run for the first time, packs).
        File.WriteAllText(repository.Path("README.md"), "# Sample\n");
        var package = await BuildShAsync(repository);
        package.ShouldExitWith(0);
        Assert.Equal([UpToDate, UpToDate, "succeeded"], Outcomes(package, "Compile", "Test", "Package"));

        // Packing leaves Compile's outputs as they were, so the next run has nothing to do.
        var packageAgain = await BuildShAsync(repository);
        packageAgain.ShouldExitWith(0);
        Assert.Equal([UpToDate, UpToDate, UpToDate], Outcomes(packageAgain, "Compile", "Test", "Package"));
        Assert.True(File.Exists(repository.Path("artifacts/packages/Sample.Lib.1.0.0.nupkg")), $"No Sample.Lib.1.0.0.nupkg after an up-to-date Package.{Environment.NewLine}{packageAgain}");
    }

    private static string[] Outcomes(RunnerResult result, params string[] targets) => [.. targets.Select(result.OutcomeOf)];

    private Task<RunnerResult> BuildShAsync(SampleRepository repository, params string[] arguments) =>
        Terminal.RunAsync(repository.Path("build.sh"), arguments, repository.Root, packages.Environment());
}
