using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Resident;

/// <summary>
/// A resident runner runs each build in its client's world: the client's environment (and nothing of an earlier
/// run's), the client's working directory, the script as it is now.
/// </summary>
public sealed class RunnerStateTests : IAsyncLifetime
{
    private readonly ResidentRunners _runners = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _runners.DisposeAsync();

    [Fact]
    public async Task An_environment_variable_changed_between_runs_reaches_the_target_and_its_child_process()
    {
        using var repo = new TempRepo("""
            Target("Show").Executes(async ct =>
            {
                Console.WriteLine($"target sees {Environment.GetEnvironmentVariable("GREETING") ?? "nothing"}");
                await Cmd.RunAsync("bash", ["-c", "echo \"child sees ${GREETING:-nothing}\""], cancellationToken: ct);
            });
            """);

        var first = await PipelineRunner.RunAsync(repo.Root, ["Show"], new Dictionary<string, string?> { ["GREETING"] = "first" }, through: _runners);
        var second = await PipelineRunner.RunAsync(repo.Root, ["Show"], new Dictionary<string, string?> { ["GREETING"] = "second" }, through: _runners);
        var unset = await PipelineRunner.RunAsync(repo.Root, ["Show"], new Dictionary<string, string?> { ["GREETING"] = null }, through: _runners);

        first.ShouldExitWith(0);
        first.OutputShouldContain("target sees first");
        first.OutputShouldContain("child sees first");
        second.ShouldExitWith(0);
        second.OutputShouldContain("target sees second");
        second.OutputShouldContain("child sees second");
        unset.ShouldExitWith(0);
        unset.OutputShouldContain("target sees nothing");
        unset.OutputShouldContain("child sees nothing");
        Assert.Equal(3, ResidentLogs.RunsServed(_runners));
    }

    [Fact]
    public async Task A_script_edited_between_runs_runs_as_edited()
    {
        using var repo = new TempRepo("""Target("Say").Executes(() => Console.WriteLine("the first version"));""");

        var before = await PipelineRunner.RunAsync(repo.Root, ["Say"], through: _runners);
        File.WriteAllText(repo.ScriptPath, """Target("Say").Executes(() => Console.WriteLine("the edited version"));""");
        var after = await PipelineRunner.RunAsync(repo.Root, ["Say"], through: _runners);

        before.ShouldExitWith(0);
        before.OutputShouldContain("the first version");
        after.ShouldExitWith(0);
        after.OutputShouldContain("the edited version");
        after.OutputShouldNotContain("the first version");
        Assert.Equal(2, ResidentLogs.RunsServed(_runners));
    }

    [Fact]
    public async Task Each_run_resolves_relative_paths_against_the_folder_its_client_was_started_in()
    {
        using var repo = new TempRepo("""Target("Noop").Executes(() => { });""");
        var one = repo.CreateFolder("one");
        var two = repo.CreateFolder("two");

        var first = await PipelineRunner.RunAsync(one, ["Noop", "--summary-json", "summary.json"], through: _runners);
        var second = await PipelineRunner.RunAsync(two, ["Noop", "--summary-json", "summary.json"], through: _runners);

        first.ShouldExitWith(0);
        second.ShouldExitWith(0);
        Assert.True(repo.Exists("one/summary.json"), $"The first run's summary is not in its client's folder.{Environment.NewLine}{first}");
        Assert.True(repo.Exists("two/summary.json"), $"The second run's summary is not in its client's folder.{Environment.NewLine}{second}");
        Assert.False(repo.Exists("summary.json"), "A summary was written at the repository root, where the runner works, not where the client was.");
        Assert.Equal(2, ResidentLogs.RunsServed(_runners));
    }
}
