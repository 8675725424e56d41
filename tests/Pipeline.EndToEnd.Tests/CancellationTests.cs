using System.Globalization;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests;

public sealed class CancellationTests
{
    // The long-running command says which process it left sleeping, as soon as it has (quoted so that the command
    // line the runner echoes first does not contain it).
    private const string SleepingAs = "sleeping as ";

    private const string Script = """
        var prepare = Target("Prepare").Executes(() => File.WriteAllText("prepare.marker", "ran"));
        var longRunning = Target("LongRunning").DependsOn(prepare).Executes(async ct =>
        {
            await Cmd.RunAsync("bash", ["-c", "sleep 300 & echo \"sleeping as\" $!; wait"], cancellationToken: ct);
        });
        var package = Target("Package").DependsOn(longRunning).Executes(() => File.WriteAllText("package.marker", "ran"));
        var report = Target("Report").AlwaysRun().After(package).Executes(() => File.WriteAllText("report.marker", "ran"));
        WriteAtEnd("closing line");
        Default(package);
        """;

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public Task Interrupt_cancels_the_running_target_kills_its_child_processes_and_exits_130(string signal) =>
        InterruptAndExpectOneCtrlCAsync(signal, ownProcessGroup: false, runner =>
        {
            ProcessTools.Send(signal, runner.ProcessId);
            return Task.CompletedTask;
        });

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public Task A_second_signal_during_cancellation_still_kills_every_child_prints_the_summary_and_exits_130(string signal) =>
        InterruptAndExpectOneCtrlCAsync(signal, ownProcessGroup: false, async runner =>
        {
            // An impatient user (or a CI agent) repeating the signal while the runner is cancelling.
            ProcessTools.Send(signal, runner.ProcessId);
            await runner.Cancelling.WaitAsync(PipelineRunner.Timeout);
            ProcessTools.Send(signal, runner.ProcessId);
        });

    [Fact]
    public Task A_ctrl_c_to_the_whole_process_group_ends_the_run_like_one_ctrl_c_to_the_runner() =>
        InterruptAndExpectOneCtrlCAsync("INT", ownProcessGroup: true, runner =>
        {
            // As a terminal's Ctrl+C or a CI agent does: the runner, bash and sleep all get SIGINT, and bash dies
            // of it before the runner can kill its tree (sleep, started with &, ignores SIGINT and is orphaned).
            ProcessTools.SendToGroup("INT", runner.ProcessId);
            return Task.CompletedTask;
        });

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public Task A_timeout_signalling_the_runner_and_then_its_process_group_ends_the_run_like_one_ctrl_c(string signal) =>
        InterruptAndExpectOneCtrlCAsync(signal, ownProcessGroup: true, runner =>
        {
            // What `timeout -s SIGNAL` does when time is up: the signal to the runner, then at once to the whole
            // group, so the runner gets it twice, the second while it is already cancelling.
            ProcessTools.Send(signal, runner.ProcessId);
            ProcessTools.SendToGroup(signal, runner.ProcessId);
            return Task.CompletedTask;
        });

    /// <summary>
    /// Starts the long-running build, interrupts it as <paramref name="interrupt"/> does
    /// once the grandchild <c>sleep</c> runs, and checks that the run ended exactly as one Ctrl+C ends it.
    /// </summary>
    private static async Task InterruptAndExpectOneCtrlCAsync(string signal, bool ownProcessGroup, Func<RunningRunner, Task> interrupt)
    {
        using var repo = new TempRepo(Script);
        await using var runner = PipelineRunner.Start(repo.Root, ["Package", "Report"], restoreDefaultInterrupt: true, ownProcessGroup: ownProcessGroup);
        var sleepPid = int.Parse((await runner.SaysAsync(SleepingAs)).Split(SleepingAs)[1], CultureInfo.InvariantCulture);
        try
        {
            Assert.False(
                signal == "INT" && ProcessTools.IgnoresInterruptSignal(runner.ProcessId),
                "The runner ignores SIGINT (inherited, and perl could not reset it), so this environment cannot simulate Ctrl+C.");

            await interrupt(runner);
            var result = await runner.Completion;

            await ShouldHaveEndedAsOneCtrlCAsync(result, repo, sleepPid);
        }
        finally
        {
            ProcessProbe.Kill(sleepPid, "sleep");
        }
    }

    /// <summary>Cancelled, nothing new started, the summary and the closing line printed, and the grandchild gone (not left stopped).</summary>
    private static async Task ShouldHaveEndedAsOneCtrlCAsync(RunnerResult result, TempRepo repo, int sleepPid)
    {
        result.ShouldExitWith(130);
        result.ErrorShouldContain("Cancelling");
        Assert.Equal("succeeded", result.OutcomeOf("Prepare"));
        Assert.Equal("cancelled", result.OutcomeOf("LongRunning"));
        Assert.Equal("not run", result.OutcomeOf("Package"));
        Assert.Equal("not run", result.OutcomeOf("Report"));
        Assert.False(repo.Exists("package.marker"), "Nothing new starts after Ctrl+C.");
        Assert.False(repo.Exists("report.marker"), "Always-run targets do not run after Ctrl+C either.");
        result.OutputShouldContain("Build cancelled");
        Assert.Equal("closing line", result.LastOutputLine);
        result.ShouldShowNoStackTrace();
        Assert.True(
            await ProcessProbe.WaitForExitAsync(sleepPid, HangGuard.Default, "sleep"),
            $"The grandchild 'sleep 300' (pid {sleepPid}) is still there ({ProcessProbe.Describe(sleepPid)}; T is stopped): the process tree was not killed.{Environment.NewLine}{result}");
    }
}
