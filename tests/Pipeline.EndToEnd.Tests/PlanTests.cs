using System.Text.Json;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests;

/// <summary>--plan shows what would run and runs nothing.</summary>
public sealed class PlanTests : IDisposable
{
    private const string Script = """
        void Mark(string name) => File.AppendAllText("ran.marker", name + "\n");
        var restore = Target("Restore").Description("Restores the packages").Executes(() => Mark("Restore"));
        var compile = Target("Compile").Description("Compiles the solution").DependsOn(restore).Executes(() => Mark("Compile"));
        var test = Target("Test").DependsOn(compile).Executes(() => Mark("Test"));
        var docs = Target("Docs").OnlyWhen(() => false, "docs are built on main only").Executes(() => Mark("Docs"));
        var publish = Target("Publish").DependsOn(test, docs).Executes(() => Mark("Publish"));
        Default(publish);
        """;

    private static readonly string[] ExpectedOrder = ["Restore", "Compile", "Test", "Docs", "Publish"];

    private readonly TempRepo _repo = new(Script);

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task Plan_shows_the_dependency_tree_and_the_order_and_runs_nothing()
    {
        var result = await _repo.RunAsync("--plan");

        result.ShouldExitWith(0);
        Assert.False(_repo.Exists("ran.marker"), "--plan must not run any target body.");
        result.ShouldHaveRunNoTarget();

        // The tree: each dependency is drawn below its dependent, indented further.
        var lines = result.OutputLines;
        int Row(string name) => lines.ToList().FindIndex(l => l.Contains($" {name}", StringComparison.Ordinal));
        int Column(string name) => lines[Row(name)].IndexOf(name, StringComparison.Ordinal);
        Assert.Equal("Plan", lines[0].Trim());
        Assert.True(Row("Publish") < Row("Test") && Row("Test") < Row("Compile") && Row("Compile") < Row("Restore"), result.ToString());
        Assert.True(Column("Publish") < Column("Test") && Column("Test") < Column("Compile") && Column("Compile") < Column("Restore"), result.ToString());
        Assert.Equal(Column("Test"), Column("Docs"));
        Assert.Contains("Restores the packages", lines[Row("Restore")], StringComparison.Ordinal);
        Assert.Contains("only when docs are built on main only", lines[Row("Docs")], StringComparison.Ordinal);

        // Then the order, numbered.
        var order = lines.SkipWhile(l => l.Trim() != "Order").Skip(1).Select(l => l.Trim()).ToList();
        Assert.Equal(ExpectedOrder.Select((name, i) => $"{i + 1}. {name}"), order.Select(l => l.Split(" (")[0]));
    }

    [Fact]
    public async Task Plan_as_json_is_valid_json_with_the_execution_order_and_runs_nothing()
    {
        var result = await _repo.RunAsync("--plan", "--json");

        result.ShouldExitWith(0);
        Assert.False(_repo.Exists("ran.marker"), "--plan --json must not run any target body.");

        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        Assert.Equal(["Publish"], root.GetProperty("requested").EnumerateArray().Select(e => e.GetString()));
        var order = root.GetProperty("order").EnumerateArray().ToList();
        Assert.Equal(ExpectedOrder, order.Select(t => t.GetProperty("name").GetString()));

        var compile = order.Single(t => t.GetProperty("name").GetString() == "Compile");
        Assert.Equal("Compiles the solution", compile.GetProperty("description").GetString());
        Assert.Equal(["Restore"], compile.GetProperty("dependsOn").EnumerateArray().Select(e => e.GetString()));
        var docs = order.Single(t => t.GetProperty("name").GetString() == "Docs");
        Assert.Equal(["docs are built on main only"], docs.GetProperty("conditions").EnumerateArray().Select(e => e.GetString()));
    }
}
