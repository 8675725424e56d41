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

    private const string RequiredVersionScript = """
        var version = RequiredParameter<string>("release-version", "The version to release.");
        var compile = Target("Compile").Executes(() => File.WriteAllText("compile.marker", "ran"));
        var release = Target("Release").DependsOn(compile).Requires(version).Executes(() => File.WriteAllText("ran.marker", version.Value));
        Target("Careless").Executes(() => File.WriteAllText("ran.marker", version.Value));
        Default(release);
        """;

    [Fact]
    public async Task Missing_required_parameter_of_a_scheduled_target_exits_2_and_names_it_and_its_environment_variable()
    {
        using var repo = new TempRepo(RequiredVersionScript);

        var result = await repo.RunAsync();

        result.ShouldExitWith(2);
        result.ErrorShouldContain("Target 'Release' requires --release-version (or the environment variable PIPELINE_RELEASE_VERSION): The version to release.");
        Assert.DoesNotContain("..", result.StandardError, StringComparison.Ordinal);
        result.ShouldHaveRunNoTarget();
        Assert.False(repo.Exists("ran.marker"));
    }

    [Theory]
    [InlineData("Compile")]
    [InlineData("--plan")]
    [InlineData("Release --plan")]
    public async Task Missing_required_parameter_is_not_demanded_by_the_plan_or_by_targets_that_do_not_require_it(string arguments)
    {
        using var repo = new TempRepo(RequiredVersionScript);

        var result = await repo.RunAsync(arguments.Split(' '));

        result.ShouldExitWith(0);
        Assert.DoesNotContain("release-version", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_a_missing_required_parameter_without_requiring_it_fails_that_target_saying_how_to_give_it()
    {
        using var repo = new TempRepo(RequiredVersionScript);

        var result = await repo.RunAsync("Careless");

        result.ShouldExitWith(1);
        Assert.StartsWith("--release-version was not given: The version to release. Pass --release-version <value> or set PIPELINE_RELEASE_VERSION", result.DetailsOf("Careless"), StringComparison.Ordinal);
        result.ShouldShowNoStackTrace();
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

    [Theory]
    [InlineData("Hello")]
    [InlineData("Hello --plan")]
    public async Task Dependency_cycle_among_targets_not_requested_is_still_a_definition_error(string arguments)
    {
        using var repo = new TempRepo("""
            var hello = Target("Hello").Executes(() => File.WriteAllText("ran.marker", "Hello"));
            var sign = Target("Sign");
            var publish = Target("Publish").DependsOn(sign);
            sign.DependsOn(publish);
            Default(hello);
            """);

        var result = await repo.RunAsync(arguments.Split(' '));

        result.ShouldExitWith(2);
        result.ErrorShouldContain("Dependency cycle: Sign -> Publish -> Sign");
        Assert.False(repo.Exists("ran.marker"));
    }
}
