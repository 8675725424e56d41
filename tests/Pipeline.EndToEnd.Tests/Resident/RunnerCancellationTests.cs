using System.Globalization;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Resident;

/// <summary>Ctrl+C through the native client cancels that client's build in the resident runner, and kills only that build's processes.</summary>
public sealed class RunnerCancellationTests : IAsyncLifetime
{
    // Said once the process is running (quoted so that the command line the runner echoes first does not contain it).
    private const string SleepingAs = "sleeping as ";
    private const string LeftAs = "left behind as ";

    private const string Script = """
        // A process that outlives its target, as a build server does: the runner adopts it when its parent ends.
        Target("LeaveOneBehind").Executes(ct =>
            Cmd.RunAsync("bash", ["-c", "sleep 300 >/dev/null 2>&1 & echo \"left behind as\" $!"], cancellationToken: ct));
        var longRunning = Target("LongRunning").Executes(ct =>
            Cmd.RunAsync("bash", ["-c", "sleep 300 & echo \"sleeping as\" $!; wait"], cancellationToken: ct));
        Target("After").DependsOn(longRunning).Executes(() => File.WriteAllText("after.marker", "ran"));
        """;

    private readonly ResidentRunners _runners = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _runners.DisposeAsync();

    [Fact]
    public async Task Ctrl_c_to_the_client_cancels_its_run_kills_its_child_and_no_process_of_an_earlier_run_or_of_anyone_else()
    {
        using var repo = new TempRepo(Script);
        var earlier = await PipelineRunner.RunAsync(repo.Root, ["LeaveOneBehind"], through: _runners);
        earlier.ShouldExitWith(0);
        var leftBehindPid = ProcessIdAfter(LeftAs, earlier.StandardOutput);
        await using var bystander = ChildProcess.Start("sleep", ["300"], repo.Root);
        try
        {
            await using var client = PipelineRunner.Start(repo.Root, ["After"], restoreDefaultInterrupt: true, through: _runners);
            var sleepPid = ProcessIdAfter(SleepingAs, await client.SaysAsync(SleepingAs));
            Assert.False(ProcessTools.IgnoresInterruptSignal(client.ProcessId), "The client ignores SIGINT, so this environment cannot simulate Ctrl+C.");

            ProcessTools.Send("INT", client.ProcessId);
            var result = await client.Completion;

            result.ShouldExitWith(130);
            result.ErrorShouldContain("Cancelling");
            Assert.Equal("cancelled", result.OutcomeOf("LongRunning"));
            Assert.Equal("not run", result.OutcomeOf("After"));
            Assert.False(repo.Exists("after.marker"), "Nothing new starts after Ctrl+C.");
            Assert.True(
                await ProcessProbe.WaitForExitAsync(sleepPid, HangGuard.Default, "sleep"),
                $"The run's grandchild 'sleep 300' (pid {sleepPid}) is still there ({ProcessProbe.Describe(sleepPid)}).{Environment.NewLine}{result}");
            Assert.True(ProcessProbe.IsAlive(leftBehindPid, "sleep"), $"The process an earlier run left behind (pid {leftBehindPid}) was killed by this run's Ctrl+C.");
            Assert.True(ProcessProbe.IsAlive(bystander.ProcessId, "sleep"), "A process of the test itself was killed by the run's Ctrl+C.");
            Assert.Equal(2, ResidentLogs.RunsServed(_runners));
        }
        finally
        {
            ProcessProbe.Kill(leftBehindPid, "sleep");
        }
    }

    private static int ProcessIdAfter(string marker, string output) =>
        int.Parse(output.Split(marker)[1].Split('\n')[0].Trim(), CultureInfo.InvariantCulture);
}
