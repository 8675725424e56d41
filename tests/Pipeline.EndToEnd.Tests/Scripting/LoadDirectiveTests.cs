using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Scripting;

/// <summary>
/// <c>#load "file.csx"</c>: paths are relative to the file that loads them (not to where the runner was
/// started), loads nest, each file is loaded once, and errors point at the file they are in.
/// </summary>
public sealed class LoadDirectiveTests
{
    [Fact]
    public async Task Nested_loads_resolve_relative_to_the_loading_file_and_targets_declared_across_files_work()
    {
        using var repo = new TempRepo("""
            #load "lib/b.csx"
            var package = Target("Package").DependsOn(compile).Executes(() => Console.WriteLine($"packaging {Product()} {Version}"));
            Default(package);
            """);
        repo.CreateFolder("build/lib");
        File.WriteAllText(repo.Path("build/lib/b.csx"), """
            #load "c.csx"
            var compile = Target("Compile").Executes(() => Console.WriteLine($"compiling {Product()}"));
            """);
        File.WriteAllText(repo.Path("build/lib/c.csx"), """
            static string Product() => "Widget";
            const string Version = "from lib/c.csx";
            """);

        // A c.csx next to the script: `#load "c.csx"` inside lib/b.csx must not pick this one.
        File.WriteAllText(repo.Path("build/c.csx"), """
            static string Product() => "wrong c.csx";
            const string Version = "from build/c.csx";
            """);

        // Started deep in the repository: loads do not depend on the working directory.
        var result = await PipelineRunner.RunAsync(repo.CreateFolder("src/app"), ["Package"]);

        result.ShouldExitWith(0);
        string[] expected = ["compiling Widget", "packaging Widget from lib/c.csx"];
        Assert.Equal(expected, result.OutputLines.Where(l => l.StartsWith("compiling ", StringComparison.Ordinal) || l.StartsWith("packaging ", StringComparison.Ordinal)));
        Assert.Equal("succeeded", result.OutcomeOf("Compile"));
        Assert.Equal("succeeded", result.OutcomeOf("Package"));
        result.OutputShouldNotContain("wrong c.csx");
        result.ShouldShowNoStackTrace();
    }

    [Fact]
    public async Task File_loaded_twice_through_different_paths_is_loaded_once()
    {
        // shared.csx declares a method, a field and a target: loading it twice would be a compile error
        // (CS0111/CS0102) or a target declared twice.
        using var repo = new TempRepo("""
            #load "lib/shared.csx"
            #load "lib/other.csx"
            #load "./lib/shared.csx"
            var all = Target("All").DependsOn(shared, other).Executes(() => Console.WriteLine($"all: {Shared()} x{Loads}"));
            Default(all);
            """);
        repo.CreateFolder("build/lib");
        File.WriteAllText(repo.Path("build/lib/shared.csx"), """
            static string Shared() => "shared helper";
            static int Loads = 0;
            Loads++;
            var shared = Target("Shared").Executes(() => Console.WriteLine("shared target"));
            """);
        File.WriteAllText(repo.Path("build/lib/other.csx"), """
            #load "shared.csx"
            #load "../lib/shared.csx"
            var other = Target("Other").Executes(() => Console.WriteLine($"other uses {Shared()}"));
            """);

        var result = await repo.RunAsync();

        result.ShouldExitWith(0);
        Assert.Contains("shared target", result.OutputLines);
        Assert.Contains("other uses shared helper", result.OutputLines);
        Assert.Contains("all: shared helper x1", result.OutputLines);
        Assert.Equal(["All", "Other", "Shared"], result.SummaryRows.Select(r => r.Target).Order(StringComparer.Ordinal));
        result.ShouldShowNoStackTrace();
    }

    [Fact]
    public async Task Compile_error_in_a_loaded_file_exits_2_and_names_that_file_relative_to_the_repository_root_with_line_and_column()
    {
        using var repo = new TempRepo("""
            #load "lib/helpers.csx"
            var hello = Target("Hello").Executes(() => Console.WriteLine(Greeting()));
            Default(hello);
            """);
        repo.CreateFolder("build/lib");
        File.WriteAllText(repo.Path("build/lib/helpers.csx"), """
            // Helpers for the build.
            static string Greeting()
            {
                return greting;
            }
            """);

        var result = await repo.RunAsync();

        result.ShouldExitWith(2);

        // Line 4; the misspelt name starts at column 12.
        result.ErrorShouldContain("build/lib/helpers.csx(4,12): error CS0103: The name 'greting' does not exist in the current context");
        result.OutputShouldNotContain(repo.Root);
        result.ShouldShowNoStackTrace();
        result.ShouldHaveRunNoTarget();
    }

    [Fact]
    public async Task Load_of_a_missing_file_exits_2_and_names_the_file_and_the_directive()
    {
        using var repo = new TempRepo("""
            // Helpers that were never written:
            #load "lib/missing.csx"
            var hello = Target("Hello").Executes(() => Console.WriteLine("hello"));
            Default(hello);
            """);

        var result = await repo.RunAsync();

        result.ShouldExitWith(2);
        result.ErrorShouldContain("build/build.csx(2,7): error CS1504:");
        result.ErrorShouldContain("'lib/missing.csx'");
        result.ErrorShouldContain("could not be opened");
        result.ShouldShowNoStackTrace();
        result.ShouldHaveRunNoTarget();
    }
}
