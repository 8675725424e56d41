using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests;

public sealed class SuccessfulBuildTests
{
    // Declared in reverse and wired afterwards, so declaration order and dependency order disagree.
    private const string FiveTargetBuild = """
        var publish = Target("Publish").Description("Publishes the packages");
        var pack = Target("Pack").Description("Creates the packages");
        var test = Target("Test").Description("Runs the tests");
        var compile = Target("Compile").Description("Compiles the solution");
        var restore = Target("Restore").Description("Restores the packages");
        publish.DependsOn(pack);
        pack.DependsOn(test, compile);
        test.DependsOn(compile);
        compile.DependsOn(restore);

        foreach (var target in new[] { publish, pack, test, compile, restore })
        {
            var name = target.Name;
            target.Executes(() =>
            {
                File.AppendAllText("order.log", name + "\n");
                Console.WriteLine($"running {name}");
            });
        }

        publish.Executes(() => WriteAtEnd("Published: 2 packages"));
        WriteAtEnd("Version: 1.2.3");
        Default(publish);
        """;

    [Fact]
    public async Task Five_target_build_runs_in_dependency_order_and_ends_with_the_summary_and_closing_lines()
    {
        using var repo = new TempRepo(FiveTargetBuild);

        var result = await repo.RunAsync();

        result.ShouldExitWith(0);
        string[] expectedOrder = ["Restore", "Compile", "Test", "Pack", "Publish"];
        Assert.Equal(expectedOrder, repo.ReadText("order.log").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(
            expectedOrder.Select(name => $"running {name}"),
            result.OutputLines.Where(l => l.StartsWith("running ", StringComparison.Ordinal)));

        Assert.Equal(expectedOrder, result.SummaryRows.Select(r => r.Target));
        Assert.All(result.SummaryRows, row => Assert.Equal("succeeded", row.Outcome));
        result.OutputShouldContain("Build succeeded");
        result.ShouldShowNoStackTrace();

        // WriteAtEnd lines come after the summary table, in the order they were added; the last is the very last line.
        var lines = result.OutputLines;
        Assert.Equal("Published: 2 packages", result.LastOutputLine);
        Assert.Equal("Version: 1.2.3", lines[^2]);
        Assert.StartsWith("Build succeeded", lines[^3], StringComparison.Ordinal);
    }
}
