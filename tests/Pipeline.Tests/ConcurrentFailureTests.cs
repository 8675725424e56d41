using Pipeline.Execution;

namespace Pipeline.Tests;

/// <summary>A body that runs work concurrently and returns <c>Task.WhenAll</c>: every failure is reported, cancellation stays cancellation.</summary>
public class ConcurrentFailureTests
{
    [Fact]
    public async Task A_body_returning_WhenAll_reports_every_failure()
    {
        var build = new Build();
        build.Target("Deploy").Executes(() => Task.WhenAll(FailAsync(new IOException("eu down")), FailAsync(new TimeoutException("us slow"))));

        var run = await Runs.RunAsync(build, "Deploy");

        var reason = run.Result("Deploy").Reason;
        Assert.Equal(TargetOutcome.Failed, run.Outcome("Deploy"));
        Assert.StartsWith("2 errors: ", reason, StringComparison.Ordinal);
        Assert.Contains("IOException: eu down", reason, StringComparison.Ordinal);
        Assert.Contains("TimeoutException: us slow", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_a_body_returning_WhenAll_of_commands_reports_cancelled_not_every_failure()
    {
        var build = new Build();
        using var cancellation = new CancellationTokenSource();
        using var waiting = new CountdownEvent(2);
        build.Target("Deploy").Executes(token => Task.WhenAll(KilledOnCancelAsync(waiting, token), KilledOnCancelAsync(waiting, token)));

        var running = Runs.RunAsync(build, new RecordingObserver(), new ExecutorOptions(1, false), ["Deploy"], cancellation: cancellation.Token);
        await Task.Run(() => waiting.Wait(Runs.HangGuard));
        await cancellation.CancelAsync();
        var run = await running;

        Assert.Equal(TargetOutcome.Cancelled, run.Outcome("Deploy"));
        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
    }

    private static async Task FailAsync(Exception exception)
    {
        await Task.Yield();
        throw exception;
    }

    /// <summary>What a command does when the run is cancelled: its process is killed and it fails.</summary>
    private static async Task KilledOnCancelAsync(CountdownEvent waiting, CancellationToken token)
    {
        try
        {
            waiting.Signal();
            await Task.Delay(Timeout.Infinite, token);
        }
        catch (OperationCanceledException)
        {
            throw new CommandFailedException("the command was killed");
        }
    }
}
