using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests;

/// <summary>Typed parameters from the command line, from PIPELINE_* variables, and their defaults.</summary>
public sealed class ParameterTests : IDisposable
{
    private const string Script = """
        enum Verbosity { Quiet, Normal, Detailed }

        var configuration = Parameter("configuration", "Debug", "Build configuration");
        var retries = Parameter("retries", 3, "How many times flaky steps are retried");
        var confirm = Parameter("confirm", false, "Approve the release");
        var verbosity = Parameter("verbosity", Verbosity.Normal, "Log level");
        var frameworks = Parameter("frameworks", new[] { "net8.0" }, "Target frameworks");
        var ports = Parameter<IReadOnlyList<int>>("ports", new[] { 8080 }, "Ports to probe");

        var show = Target("Show").Executes(() =>
        {
            Console.WriteLine($"configuration={configuration.Value} ({configuration.Source})");
            Console.WriteLine($"retries={retries.Value} ({retries.Source})");
            Console.WriteLine($"confirm={confirm.Value} ({confirm.Source})");
            Console.WriteLine($"verbosity={verbosity.Value} ({verbosity.Source})");
            Console.WriteLine($"frameworks={string.Join("|", frameworks.Value)} ({frameworks.Source})");
            Console.WriteLine($"ports={string.Join("|", ports.Value)} ({ports.Source})");
        });
        var release = Target("Release").DependsOn(show).Executes(() =>
        {
            if (!confirm.Value) throw new InvalidOperationException("not approved");
            File.WriteAllText("released.marker", "x");
        });
        Default(show);
        """;

    private readonly TempRepo _repo = new(Script);

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task Defaults_apply_when_neither_the_command_line_nor_the_environment_sets_a_parameter()
    {
        var result = await _repo.RunAsync();

        result.ShouldExitWith(0);
        Assert.Contains("configuration=Debug (Default)", result.OutputLines);
        Assert.Contains("retries=3 (Default)", result.OutputLines);
        Assert.Contains("confirm=False (Default)", result.OutputLines);
        Assert.Contains("verbosity=Normal (Default)", result.OutputLines);
        Assert.Contains("frameworks=net8.0 (Default)", result.OutputLines);
        Assert.Contains("ports=8080 (Default)", result.OutputLines);
    }

    [Fact]
    public async Task Command_line_values_are_parsed_into_their_types()
    {
        var result = await _repo.RunAsync(
            "Release",
            "--configuration", "Release",
            "--retries=5",
            "--verbosity", "detailed",
            "--frameworks", "net8.0,net9.0",
            "--frameworks", "net10.0",
            "--ports", "80",
            "--ports", "443",
            "--confirm");

        result.ShouldExitWith(0);
        Assert.Contains("configuration=Release (CommandLine)", result.OutputLines);
        Assert.Contains("retries=5 (CommandLine)", result.OutputLines);
        Assert.Contains("confirm=True (CommandLine)", result.OutputLines);
        Assert.Contains("verbosity=Detailed (CommandLine)", result.OutputLines);
        Assert.Contains("frameworks=net8.0|net9.0|net10.0 (CommandLine)", result.OutputLines);
        Assert.Contains("ports=80|443 (CommandLine)", result.OutputLines);
        Assert.True(_repo.Exists("released.marker"), "The bare --confirm flag must read as true.");
    }

    [Fact]
    public async Task Environment_variables_apply_when_the_command_line_is_silent_and_the_command_line_wins_over_them()
    {
        var environment = new Dictionary<string, string?>
        {
            ["PIPELINE_CONFIGURATION"] = "Release",
            ["PIPELINE_RETRIES"] = "9",
            ["PIPELINE_CONFIRM"] = "yes",
            ["PIPELINE_VERBOSITY"] = "quiet",
            ["PIPELINE_FRAMEWORKS"] = "net6.0, net7.0",
            ["PIPELINE_PORTS"] = "1,2",
        };

        var result = await _repo.RunAsync(environment, "Release", "--retries", "4", "--confirm", "false");

        // --confirm false beats PIPELINE_CONFIRM=yes, so Release refuses.
        result.ShouldExitWith(1);
        Assert.Contains("configuration=Release (Environment)", result.OutputLines);
        Assert.Contains("retries=4 (CommandLine)", result.OutputLines);
        Assert.Contains("confirm=False (CommandLine)", result.OutputLines);
        Assert.Contains("verbosity=Quiet (Environment)", result.OutputLines);
        Assert.Contains("frameworks=net6.0|net7.0 (Environment)", result.OutputLines);
        Assert.Contains("ports=1|2 (Environment)", result.OutputLines);
        Assert.Equal("failed", result.OutcomeOf("Release"));
        Assert.False(_repo.Exists("released.marker"));
    }

    [Fact]
    public async Task Malformed_enum_and_list_values_exit_2_and_every_problem_is_reported()
    {
        var result = await _repo.RunAsync(
            new Dictionary<string, string?> { ["PIPELINE_RETRIES"] = "many" },
            "--verbosity", "loud", "--ports", "80,http");

        result.ShouldExitWith(2);
        result.ErrorShouldContain("--verbosity: expected one of Quiet, Normal, Detailed, got 'loud'.");
        result.ErrorShouldContain("--ports: expected list of int, but 'http' is not an integer.");
        result.ErrorShouldContain("PIPELINE_RETRIES (for --retries): expected int, got 'many'.");
        result.ShouldHaveRunNoTarget();
        result.ShouldShowNoStackTrace();
    }

    // Regression: this crashed with an unhandled NotSupportedException (exit code 134) in the first version of CommandLineParser.
    [Fact]
    public async Task Bare_flag_followed_by_a_target_name_is_true_and_the_target_runs()
    {
        var result = await _repo.RunAsync("--confirm", "Release");

        result.ShouldExitWith(0);
        result.ShouldShowNoStackTrace();
        Assert.Contains("confirm=True (CommandLine)", result.OutputLines);
        Assert.True(_repo.Exists("released.marker"));
    }
}
