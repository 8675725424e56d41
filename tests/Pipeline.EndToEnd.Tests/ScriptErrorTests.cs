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
