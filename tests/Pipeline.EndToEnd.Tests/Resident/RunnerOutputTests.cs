using System.Text.RegularExpressions;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Resident;

/// <summary>What a build prints through the resident runner is what it prints in a process of its own, byte for byte.</summary>
public sealed partial class RunnerOutputTests : IAsyncLifetime
{
    private const string Secret = "tok-51d0e7a9c3";

    private const string Script = """
        var token = Secret("deploy-token", "Token for the deployment API");
        var print = Target("Print").Executes(async ct =>
        {
            Console.WriteLine($"token is {token.Value} — ünïcödé");
            Console.Error.WriteLine($"stderr token {token.Value}");
            await Cmd.RunAsync("bash", ["-c", "echo \"child says $1\"; echo \"child stderr $1\" >&2", "_", token.Value!], cancellationToken: ct);
        });
        Target("Fail").DependsOn(print).Executes(() => throw new InvalidOperationException($"the API rejected {token.Value}"));
        """;

    private readonly ResidentRunners _runners = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _runners.DisposeAsync();

    [Fact]
    public async Task A_failing_run_with_a_secret_prints_the_same_masked_bytes_and_exits_1_both_ways()
    {
        using var repo = new TempRepo(Script);
        var environment = new Dictionary<string, string?> { ["PIPELINE_DEPLOY_TOKEN"] = Secret };

        var own = await PipelineRunner.RunAsync(repo.Root, ["Fail"], environment);
        var resident = await PipelineRunner.RunAsync(repo.Root, ["Fail"], environment, through: _runners);

        own.ShouldExitWith(1);
        resident.ShouldExitWith(1);
        resident.OutputShouldNotContain(Secret);
        Assert.Equal(1, ResidentLogs.RunsServed(_runners));
        Assert.Equal(WithoutTimes(own.StandardOutput), WithoutTimes(resident.StandardOutput));
        Assert.Equal(WithoutTimes(own.StandardError), WithoutTimes(resident.StandardError));
    }

    /// <summary>Durations differ from run to run (and are padded to the column's width); everything else must not.</summary>
    private static string WithoutTimes(string output) => Duration().Replace(output, "<time>");

    [GeneratedRegex(@" *\b\d+(\.\d+)? ?(ms|s|m|min)\b")]
    private static partial Regex Duration();
}
