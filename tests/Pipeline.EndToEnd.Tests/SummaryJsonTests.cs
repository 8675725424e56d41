using System.Text.Json;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests;

public sealed class SummaryJsonTests : IDisposable
{
    private const string Script = """
        var compile = Target("Compile").Executes(() => Console.WriteLine("compiled"));
        var lint = Target("Lint").AllowFailure().Executes(() => throw new Exception("12 style warnings"));
        var docs = Target("Docs").OnlyWhen(() => false, "docs are built on main only");
        var test = Target("Test").DependsOn(compile).Executes(() => throw new InvalidOperationException("3 tests failed"));
        var pack = Target("Pack").DependsOn(test);
        var all = Target("All").DependsOn(compile, lint, docs, pack);
        WriteAtEnd("Test: 9 passed, 3 failed");
        Default(all);
        """;

    private readonly TempRepo _repo = new(Script);

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task Summary_json_is_valid_json_with_each_targets_outcome()
    {
        var result = await _repo.RunAsync("--summary-json", "reports/summary.json");

        result.ShouldExitWith(1);
        Assert.True(_repo.Exists("reports/summary.json"), $"No summary was written.{Environment.NewLine}{result}");
        using var json = JsonDocument.Parse(_repo.ReadText("reports/summary.json"));
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("exitCode").GetInt32());
        Assert.False(root.GetProperty("cancelled").GetBoolean());

        var targets = root.GetProperty("targets").EnumerateArray().ToDictionary(
            t => t.GetProperty("name").GetString()!,
            t => (Outcome: t.GetProperty("outcome").GetString(), Reason: t.GetProperty("reason").GetString(), Allowed: t.GetProperty("failureAllowed").GetBoolean()));
        Assert.Equal(["Compile", "Lint", "Docs", "Test", "Pack", "All"], targets.Keys);
        Assert.Equal(("succeeded", null, false), targets["Compile"]);
        Assert.Equal("failed", targets["Lint"].Outcome);
        Assert.True(targets["Lint"].Allowed);
        Assert.Equal(("skipped", "docs are built on main only", false), targets["Docs"]);
        Assert.Equal("failed", targets["Test"].Outcome);
        Assert.StartsWith("InvalidOperationException: 3 tests failed", targets["Test"].Reason, StringComparison.Ordinal);
        Assert.Equal(("not-run", "Test failed", false), targets["Pack"]);
        Assert.Equal("not-run", targets["All"].Outcome);
        Assert.Equal(["Test: 9 passed, 3 failed"], root.GetProperty("closingLines").EnumerateArray().Select(l => l.GetString()));

        // The console shows the same run.
        Assert.Equal("Test: 9 passed, 3 failed", result.LastOutputLine);
        Assert.Equal("not run", result.OutcomeOf("Pack"));
    }

        [Fact]
    public async Task Summary_json_path_that_is_a_folder_is_a_usage_error_found_before_any_target_runs()
    {
        _repo.CreateFolder("reports");

        var result = await _repo.RunAsync("Compile", "--summary-json", "reports");

        result.ShouldExitWith(2);
        result.ShouldShowNoStackTrace();
        result.ErrorShouldContain("reports");
        result.ShouldHaveRunNoTarget();
    }

    [Fact]
    public async Task Summary_json_path_that_cannot_be_written_is_a_usage_error_found_before_any_target_runs()
    {
        File.WriteAllText(_repo.Path("blocker"), "a file where the folder would go");

        var result = await _repo.RunAsync("Compile", "--summary-json", "blocker/summary.json");

        result.ShouldExitWith(2);
        result.ErrorShouldContain("--summary-json cannot write 'blocker/summary.json'");
        result.ShouldHaveRunNoTarget();
        result.ShouldShowNoStackTrace();
    }

    [Fact]
    public async Task Summary_json_that_cannot_be_written_after_a_successful_run_exits_4_not_as_a_failed_target()
    {
        using var repo = new TempRepo("""
            Target("Compile").Executes(() =>
            {
                // The reports folder is taken away while the build runs.
                Directory.Delete("reports", recursive: true);
                File.WriteAllText("reports", "now a file");
            });
            """);

        var result = await repo.RunAsync("Compile", "--summary-json", "reports/summary.json");

        result.ShouldExitWith(4);
        Assert.Equal("succeeded", result.OutcomeOf("Compile"));
        result.ErrorShouldContain("error: could not write the summary to");
        result.ShouldShowNoStackTrace();
    }
}
