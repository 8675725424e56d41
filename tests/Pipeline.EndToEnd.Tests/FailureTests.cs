using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests;

/// <summary>Failing targets, allowed failures, --keep-going, always-run teardown and skipped targets.</summary>
public sealed class FailureTests
{
    [Fact]
    public async Task Failing_target_exits_1_shows_dependents_as_not_run_and_still_runs_the_always_run_teardown()
    {
        using var repo = new TempRepo("""
            void Mark(string name) => File.WriteAllText($"{name}.marker", name);
            var compile = Target("Compile").Executes(() => Mark("Compile"));
            var startServices = Target("StartServices").Executes(() => Mark("StartServices"));
            var test = Target("Test").DependsOn(compile, startServices).Executes(() =>
            {
                Console.WriteLine("running the tests");
                throw new InvalidOperationException("3 tests failed");
            });
            var pack = Target("Pack").DependsOn(test).Executes(() => Mark("Pack"));
            var stopServices = Target("StopServices").AlwaysRun().After(test, pack).Executes(() => Mark("StopServices"));
            startServices.Triggers(stopServices);
            Default(pack);
            """);

        var result = await repo.RunAsync();

        result.ShouldExitWith(1);
        Assert.Equal("succeeded", result.OutcomeOf("Compile"));
        Assert.Equal("failed", result.OutcomeOf("Test"));
        Assert.Equal("not run", result.OutcomeOf("Pack"));
        Assert.Equal("Test failed", result.DetailsOf("Pack"));
        Assert.Equal("succeeded", result.OutcomeOf("StopServices"));
        Assert.False(repo.Exists("Pack.marker"));
        Assert.True(repo.Exists("StopServices.marker"), "The always-run teardown must run after the failure.");

        // One readable line: the exception's type and message and the script line, no stack trace.
        result.OutputShouldContain("Test failed: InvalidOperationException: 3 tests failed (at build/build.csx:line 7)");
        Assert.Equal("InvalidOperationException: 3 tests failed (at build/build.csx:line 7)", result.DetailsOf("Test"));
        result.OutputShouldContain("Build failed");
        result.ShouldShowNoStackTrace();
    }

    [Fact]
    public async Task Allowed_failure_is_reported_but_the_build_exits_0_and_dependents_run()
    {
        using var repo = new TempRepo("""
            var lint = Target("Lint").AllowFailure().Executes(() => throw new Exception("12 style warnings"));
            var compile = Target("Compile").DependsOn(lint).Executes(() => File.WriteAllText("Compile.marker", "x"));
            Default(compile);
            """);

        var result = await repo.RunAsync();

        result.ShouldExitWith(0);
        Assert.Equal("failed (allowed)", result.OutcomeOf("Lint"));
        Assert.StartsWith("12 style warnings", result.DetailsOf("Lint"), StringComparison.Ordinal);
        Assert.Equal("succeeded", result.OutcomeOf("Compile"));
        Assert.True(repo.Exists("Compile.marker"));
        result.OutputShouldContain("Lint failed (allowed): 12 style warnings");
        result.OutputShouldContain("Build succeeded");
    }

    [Fact]
    public async Task Keep_going_runs_the_targets_that_do_not_depend_on_the_failure()
    {
        using var repo = new TempRepo("""
            void Mark(string name) => File.WriteAllText($"{name}.marker", name);
            var compile = Target("Compile").Executes(() => Mark("Compile"));
            var unitTests = Target("UnitTests").DependsOn(compile).Executes(() => throw new Exception("unit tests failed"));
            var pack = Target("Pack").DependsOn(unitTests).Executes(() => Mark("Pack"));
            var docs = Target("Docs").DependsOn(compile).Executes(() => Mark("Docs"));
            var all = Target("All").DependsOn(pack, docs);
            Default(all);
            """);

        var stopping = await repo.RunAsync();

        stopping.ShouldExitWith(1);
        Assert.Equal("not run", stopping.OutcomeOf("Docs"));
        Assert.False(repo.Exists("Docs.marker"), "Without --keep-going nothing new starts after the failure.");

        var keepGoing = await repo.RunAsync("--keep-going");

        keepGoing.ShouldExitWith(1);
        Assert.Equal("failed", keepGoing.OutcomeOf("UnitTests"));
        Assert.Equal("succeeded", keepGoing.OutcomeOf("Docs"));
        Assert.True(repo.Exists("Docs.marker"));
        Assert.Equal("not run", keepGoing.OutcomeOf("Pack"));
        Assert.Equal("not run", keepGoing.OutcomeOf("All"));
        Assert.False(repo.Exists("Pack.marker"));
    }

    [Fact]
    public async Task OnlyWhen_false_skips_the_target_and_shows_its_reason()
    {
        using var repo = new TempRepo("""
            var compile = Target("Compile").Executes(() => File.WriteAllText("Compile.marker", "x"));
            var publish = Target("Publish")
                .DependsOn(compile)
                .OnlyWhen(() => Environment.GetEnvironmentVariable("DEPLOY_BRANCH") == "main", "only on the main branch")
                .Executes(() => File.WriteAllText("Publish.marker", "x"));
            var docs = Target("Docs").DependsOn(compile).OnlyWhen(() => 1 > 2).Executes(() => File.WriteAllText("Docs.marker", "x"));
            var notify = Target("Notify").DependsOn(publish, docs).Executes(() => File.WriteAllText("Notify.marker", "x"));
            Default(notify);
            """);

        var result = await repo.RunAsync();

        result.ShouldExitWith(0);
        Assert.Equal("skipped", result.OutcomeOf("Publish"));
        Assert.Equal("only on the main branch", result.DetailsOf("Publish"));
        result.OutputShouldContain("Publish skipped: only on the main branch");

        // Without a reason, the condition's source text is shown.
        Assert.Equal("skipped", result.OutcomeOf("Docs"));
        Assert.Equal("() => 1 > 2", result.DetailsOf("Docs"));

        Assert.False(repo.Exists("Publish.marker"));
        Assert.False(repo.Exists("Docs.marker"));
        Assert.True(repo.Exists("Notify.marker"), "Dependents of a skipped target still run.");
        Assert.Equal("succeeded", result.OutcomeOf("Notify"));
    }

    [Fact]
    public async Task Redirected_failure_line_is_never_wrapped_so_the_script_location_stays_on_it()
    {
        var reason = string.Join(' ', Enumerable.Repeat("the deployment API refused the request", 8));
        using var repo = new TempRepo($$"""
            Target("Deploy").Executes(() => throw new InvalidOperationException("{{reason}}"));
            """);

        var result = await repo.RunAsync("Deploy");

        result.ShouldExitWith(1);
        Assert.Contains(result.OutputLines, line => line.EndsWith($"Deploy failed: InvalidOperationException: {reason} (at build/build.csx:line 1)", StringComparison.Ordinal));
        Assert.Equal($"InvalidOperationException: {reason} (at build/build.csx:line 1)", result.DetailsOf("Deploy"));
    }
}
