using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests;

/// <summary>Problems with the script itself exit with code 2 and a message that points at the script, never a stack trace.</summary>
public sealed class ScriptErrorTests
{
    [Fact]
    public async Task Compile_error_exits_2_and_names_the_script_line_and_column()
    {
        using var repo = new TempRepo("""
            var configuration = Parameter("configuration", "Debug", "Build configuration");
            var compile = Target("Compile")
                .Description("Compiles the solution")
                .Executes(() => Console.WriteLine($"compiling {configuraton.Value}"));
            Default(compile);
            """);

        var result = await repo.RunAsync();

        result.ShouldExitWith(2);

        // Line 4; the misspelt name starts at column 52.
        result.ErrorShouldContain("build/build.csx(4,52): error CS0103: The name 'configuraton' does not exist in the current context");
        result.ShouldShowNoStackTrace();
        Assert.Equal(string.Empty, result.StandardOutput.Trim());
    }

    [Fact]
    public async Task Compile_errors_are_listed_and_annotated_in_file_and_line_order()
    {
        // Roslyn reports the errors of top-level declarations out of order (line 3 before line 2 here).
        using var repo = new TempRepo("""
            #load "lib/tools.csx"
            int count = "three";
            var name = nmae;
            Undeclared();
            """);
        repo.CreateFolder("build/lib");
        File.WriteAllText(repo.Path("build/lib/tools.csx"), """
            var tool = tolo;
            int retries = "two";
            """);

        var result = await repo.RunAsync("--host", "github-actions");

        result.ShouldExitWith(2);
        result.ShouldShowNoStackTrace();
        string[] places = ["build/lib/tools.csx(1,12)", "build/lib/tools.csx(2,15)", "build/build.csx(2,13)", "build/build.csx(3,12)", "build/build.csx(4,1)"];
        var errors = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(places, errors.Select(line => line[..line.IndexOf(':', StringComparison.Ordinal)]));

        // The annotations for the CI host come in the same order.
        string[] annotated =
        [
            "file=build/lib/tools.csx,line=1,col=12", "file=build/lib/tools.csx,line=2,col=15",
            "file=build/build.csx,line=2,col=13", "file=build/build.csx,line=3,col=12", "file=build/build.csx,line=4,col=1",
        ];
        Assert.Equal(annotated, result.OutputLines.Select(line => line["::error ".Length..line.IndexOf(",title=", StringComparison.Ordinal)]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("// The targets come later.\n/* Nothing here yet. */\n")]
    [InlineData("using System.Text;\n")]
    public async Task Script_without_code_exits_2_and_says_it_declares_no_targets_and_what_to_write(string script)
    {
        using var repo = new TempRepo(script);

        var result = await repo.RunAsync(new Dictionary<string, string?> { ["PIPELINE_TRACE"] = "1" });

        result.ShouldExitWith(2);
        result.ErrorShouldContain("""
            build/build.csx: error: The build declares no targets. Declare one and make it the default, for example: var build = Target("Build").Executes(() => Console.WriteLine("building")); Default(build);
            """);
        result.OutputShouldNotContain("could not be compiled");
        result.ShouldShowNoStackTrace();
        result.ShouldHaveRunNoTarget();
    }

    [Fact]
    public async Task Script_with_declarations_but_no_targets_exits_2_and_says_what_to_write()
    {
        using var repo = new TempRepo("""
            var configuration = Parameter("configuration", "Release", "Build configuration.");
            """);

        var result = await repo.RunAsync();

        result.ShouldExitWith(2);
        result.ErrorShouldContain("""
            error: The build declares no targets. Declare one and make it the default, for example: var build = Target("Build").Executes(() => Console.WriteLine("building")); Default(build);
            """);
        result.ShouldShowNoStackTrace();
    }

    [Fact]
    public async Task Script_that_throws_while_declaring_exits_2_with_a_clear_message_and_the_script_line()
    {
        using var repo = new TempRepo("""
            var compile = Target("Compile").Executes(() => File.WriteAllText("ran.marker", "x"));
            var test = Target("Test").DependsOn(compile);
            var again = Target("compile");
            Default(test);
            """);

        var result = await repo.RunAsync();

        result.ShouldExitWith(2);
        result.ErrorShouldContain("error: the build script failed while declaring its targets:");
        result.ErrorShouldContain("Target 'compile' is declared twice (first as 'Compile').");
        result.ErrorShouldContain("build/build.csx:line 3");
        result.ShouldShowNoStackTrace();
        result.ShouldHaveRunNoTarget();
        Assert.False(repo.Exists("ran.marker"));
    }

    [Fact]
    public async Task No_script_in_the_folder_or_any_parent_exits_2_and_says_how_to_fix_it()
    {
        using var repo = new TempRepo(script: null);

        var result = await repo.RunAsync("Compile");

        result.ShouldExitWith(2);
        result.ErrorShouldContain("No build/build.csx here or in any parent folder. Create one, or pass --script PATH.");
        result.ShouldShowNoStackTrace();
    }

    [Fact]
    public async Task Script_option_naming_a_missing_file_exits_2_and_names_the_file()
    {
        using var repo = new TempRepo(script: null);

        var result = await repo.RunAsync("--script", "build/missing.csx", "Compile");

        result.ShouldExitWith(2);
        result.ErrorShouldContain("The build script 'build/missing.csx' does not exist.");
        result.ShouldShowNoStackTrace();
    }
}
