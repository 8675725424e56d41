using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests;

public sealed class TargetSelectionTests : IDisposable
{
    private const string Script = """
        void Mark(string name) => File.WriteAllText($"{name}.marker", name);
        var restore = Target("Restore").Executes(() => Mark("Restore"));
        var compile = Target("Compile").DependsOn(restore).Executes(() => Mark("Compile"));
        var test = Target("Test").DependsOn(compile).Executes(() => Mark("Test"));
        Default(test);
        """;

    private readonly TempRepo _repo = new(Script);

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task Target_names_on_the_command_line_are_case_insensitive()
    {
        var result = await _repo.RunAsync("cOMPILE");

        result.ShouldExitWith(0);
        Assert.True(_repo.Exists("Restore.marker"));
        Assert.True(_repo.Exists("Compile.marker"));
        Assert.False(_repo.Exists("Test.marker"), "Only Compile and its dependency were requested.");
        Assert.Equal(["Restore", "Compile"], result.SummaryRows.Select(r => r.Target));
    }

    [Fact]
    public async Task Skip_leaves_a_target_out_and_its_dependents_still_run()
    {
        var result = await _repo.RunAsync("Test", "--skip", "compile");

        result.ShouldExitWith(0);
        Assert.True(_repo.Exists("Restore.marker"));
        Assert.False(_repo.Exists("Compile.marker"), "Compile was skipped, its body must not run.");
        Assert.True(_repo.Exists("Test.marker"));
        Assert.Equal("succeeded", result.OutcomeOf("Restore"));
        Assert.Equal("skipped", result.OutcomeOf("Compile"));
        Assert.Equal("--skip", result.DetailsOf("Compile"));
        Assert.Equal("succeeded", result.OutcomeOf("Test"));
    }

    [Fact]
    public async Task Only_runs_the_named_target_without_its_dependencies()
    {
        var result = await _repo.RunAsync("--only", "Test");

        result.ShouldExitWith(0);
        Assert.True(_repo.Exists("Test.marker"));
        Assert.False(_repo.Exists("Compile.marker"));
        Assert.False(_repo.Exists("Restore.marker"));
        Assert.Equal(["Test"], result.SummaryRows.Select(r => r.Target));
    }
}
