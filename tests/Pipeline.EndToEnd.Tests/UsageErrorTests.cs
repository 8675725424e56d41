using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests;

/// <summary>Everything wrong with the request stops the run with exit code 2 before any target starts.</summary>
public sealed class UsageErrorTests
{
    private const string Build = """
        var retries = Parameter("retries", 3, "How many times flaky steps are retried");
        var clean = Target("Clean").Executes(() => File.WriteAllText("ran.marker", "Clean"));
        var compile = Target("Compile").DependsOn(clean).Executes(() => File.WriteAllText("ran.marker", "Compile"));
        var test = Target("Test").DependsOn(compile).Executes(() => File.WriteAllText("ran.marker", "Test"));
        Default(test);
        """;

    [Fact]
    public async Task Unknown_target_exits_2_and_suggests_the_closest_name()
    {
        using var repo = new TempRepo(Build);

        var result = await repo.RunAsync("Compiel");

        result.ShouldExitWith(2);
        result.ErrorShouldContain("Unknown target 'Compiel'.");
        result.ErrorShouldContain("Did you mean 'Compile'?");
        result.ShouldHaveRunNoTarget();
        result.ShouldShowNoStackTrace();
        Assert.False(repo.Exists("ran.marker"));
    }

    [Fact]
    public async Task Unknown_option_exits_2_and_suggests_the_closest_option()
    {
        using var repo = new TempRepo(Build);

        var result = await repo.RunAsync("Test", "--retires", "2");

        result.ShouldExitWith(2);
        result.ErrorShouldContain("Unknown option '--retires'.");
        result.ErrorShouldContain("Did you mean --retries");
        result.ShouldHaveRunNoTarget();
        Assert.False(repo.Exists("ran.marker"));
    }

    [Fact]
    public async Task Malformed_int_parameter_exits_2_and_names_the_option_and_the_expected_type()
    {
        using var repo = new TempRepo(Build);

        var result = await repo.RunAsync("--retries", "abc");

        result.ShouldExitWith(2);
        result.ErrorShouldContain("--retries: expected int, got 'abc'.");
        result.ShouldHaveRunNoTarget();
        result.ShouldShowNoStackTrace();
        Assert.False(repo.Exists("ran.marker"));
    }

    [Fact]
    public async Task Missing_required_parameter_exits_2_and_names_it_and_its_environment_variable()
    {
        using var repo = new TempRepo("""
            var version = RequiredParameter<string>("release-version", "The version to release");
            var release = Target("Release").Executes(() => File.WriteAllText("ran.marker", version.Value));
            Default(release);
            """);

        var result = await repo.RunAsync();

        result.ShouldExitWith(2);
        result.ErrorShouldContain("--release-version is required");
        result.ErrorShouldContain("PIPELINE_RELEASE_VERSION");
        result.ShouldHaveRunNoTarget();
        Assert.False(repo.Exists("ran.marker"));
    }

    [Fact]
    public async Task Target_that_requires_a_missing_parameter_stops_the_run_before_any_target_starts()
    {
        using var repo = new TempRepo("""
            var apiKey = Secret("nuget-api-key", "Key for the package feed");
            var pack = Target("Pack").Executes(() => File.WriteAllText("pack.marker", "ran"));
            var push = Target("Push").DependsOn(pack).Requires(apiKey).Executes(() => File.WriteAllText("push.marker", "ran"));
            Default(push);
            """);

        var result = await repo.RunAsync("Push");

        result.ShouldExitWith(2);
        result.ErrorShouldContain("Target 'Push' requires --nuget-api-key (or the environment variable PIPELINE_NUGET_API_KEY)");
        result.ShouldHaveRunNoTarget();
        Assert.False(repo.Exists("pack.marker"), "Pack must not run: the missing key is found before the first target.");
        Assert.False(repo.Exists("push.marker"));
    }

    [Fact]
    public async Task Dependency_cycle_exits_2_and_names_the_cycle()
    {
        using var repo = new TempRepo("""
            var compile = Target("Compile").Executes(() => File.WriteAllText("ran.marker", "Compile"));
            var generate = Target("Generate").DependsOn(compile).Executes(() => File.WriteAllText("ran.marker", "Generate"));
            compile.DependsOn(generate);
            var test = Target("Test").DependsOn(compile);
            Default(test);
            """);

        var result = await repo.RunAsync();

        result.ShouldExitWith(2);
        result.ErrorShouldContain("Dependency cycle: Compile -> Generate -> Compile");
        result.ShouldHaveRunNoTarget();
        result.ShouldShowNoStackTrace();
        Assert.False(repo.Exists("ran.marker"));
    }
}
