using System.Diagnostics;
using System.Globalization;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests;

public sealed class CancellationTests
{
    private const string Script = """
        var prepare = Target("Prepare").Executes(() => File.WriteAllText("prepare.marker", "ran"));
        var longRunning = Target("LongRunning").DependsOn(prepare).Executes(async ct =>
        {
            await Cmd.RunAsync("bash", ["-c", "sleep 300 & echo $! > child.pid; wait"], cancellationToken: ct);
        });
        var package = Target("Package").DependsOn(longRunning).Executes(() => File.WriteAllText("package.marker", "ran"));
        var report = Target("Report").AlwaysRun().After(package).Executes(() => File.WriteAllText("report.marker", "ran"));
        WriteAtEnd("closing line");
        Default(package);
        """;

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Interrupt_cancels_the_running_target_kills_its_child_processes_and_exits_130(string signal)
    {
        using var repo = new TempRepo(Script);
        await using var runner = PipelineRunner.Start(repo.Root, ["Package", "Report"], restoreDefaultInterrupt: true);
        var sleepPid = await WaitForPidFileAsync(repo.Path("child.pid"), runner);
        try
        {
            Assert.False(
                signal == "INT" && ProcessTools.IgnoresInterruptSignal(runner.ProcessId),
                "The runner ignores SIGINT (inherited, and perl could not reset it), so this environment cannot simulate Ctrl+C.");

            ProcessTools.Send(signal, runner.ProcessId);
            var result = await runner.Completion;

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
                await ProcessTools.WaitUntilGoneAsync(sleepPid, "sleep", TimeSpan.FromSeconds(10)),
                $"The grandchild 'sleep 300' (pid {sleepPid}) is still running: the process tree was not killed.{Environment.NewLine}{result}");
        }
        finally
        {
            ProcessTools.KillIfAlive(sleepPid, "sleep");
        }
    }

    private static async Task<int> WaitForPidFileAsync(string path, RunningRunner runner)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < PipelineRunner.Timeout)
        {
            if (File.Exists(path) && int.TryParse(await File.ReadAllTextAsync(path), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
            {
                return pid;
            }

            if (runner.Completion.IsCompleted)
            {
                Assert.Fail($"The runner exited before the long-running command started.{Environment.NewLine}{await runner.Completion}");
            }

            await Task.Delay(50);
        }

        Assert.Fail($"{path} did not appear within {PipelineRunner.Timeout.TotalSeconds} s.");
        return 0;
    }
}
