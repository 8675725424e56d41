using System.Runtime.Versioning;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Resident;

/// <summary>
/// A resident runner's life as the client sees it: killed while idle (its socket left behind), killed in the middle
/// of a run, stopped with --stop-runner. Each time the next run gets a runner that works.
/// </summary>
[UnsupportedOSPlatform("windows")] // Unix domain sockets, signals
public sealed class ClientRunnerLifecycleTests
{
    [Fact]
    public async Task A_stale_socket_left_by_a_killed_runner_is_replaced_by_a_new_runner_and_the_run_succeeds()
    {
        using var repo = new TempRepo(ClientScript.Text);
        await using var runners = new ResidentRunners();
        var first = await PipelineRunner.RunAsync(repo.Root, ["Pid"], through: runners);
        first.ShouldExitWith(0);
        var killed = ClientScript.ProcessOf(first);
        var socketPath = Assert.Single(runners.Sockets);

        ProcessTools.Send("KILL", killed);
        Assert.True(await ProcessProbe.WaitForExitAsync(killed, HangGuard.Default), $"The runner {killed} outlived SIGKILL: {ProcessProbe.Describe(killed)}");
        Assert.True(File.Exists(socketPath), "A runner killed with SIGKILL cannot delete its socket; the test needs that stale socket.");

        await using var next = PipelineRunner.Start(repo.Root, ["Pid"], through: runners);
        var result = await next.Completion;

        result.ShouldExitWith(0);
        Assert.Equal(string.Empty, result.StandardError);
        var replacement = ClientScript.ProcessOf(result);
        Assert.NotEqual(killed, replacement);
        Assert.NotEqual(next.ProcessId, replacement);
        Assert.Equal([socketPath], runners.Sockets);
    }

    [Fact]
    public async Task A_runner_killed_in_the_middle_of_a_run_ends_the_client_with_75_and_the_next_run_starts_a_new_runner()
    {
        using var repo = new TempRepo(ClientScript.Text);
        await using var runners = new ResidentRunners();
        await using var run = PipelineRunner.Start(repo.Root, ["Wait"], through: runners);
        var killed = ClientScript.ProcessOf(await run.SaysAsync("waiting in process"));
        Assert.NotEqual(run.ProcessId, killed);

        ProcessTools.Send("KILL", killed);
        var lost = await run.Completion;

        lost.ShouldExitWith(75);
        Assert.StartsWith("error: the resident runner stopped in the middle of the run (", lost.StandardError, StringComparison.Ordinal);
        Assert.EndsWith("The next run starts a new one; PIPELINE_RUNNER=off runs without it.", lost.StandardError.Trim(), StringComparison.Ordinal);
        lost.ShouldShowNoStackTrace();

        var next = await PipelineRunner.RunAsync(repo.Root, ["Pid"], through: runners);
        next.ShouldExitWith(0);
        Assert.NotEqual(killed, ClientScript.ProcessOf(next));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // as ./build.sh --stop-runner passes it: after the script
    public async Task Stop_runner_ends_the_runner_process_and_removes_its_socket_before_it_returns(bool afterTheScript)
    {
        using var repo = new TempRepo(ClientScript.Text);
        string[] stopRunner = afterTheScript ? ["--script", repo.ScriptPath, "--stop-runner"] : ["--stop-runner"];
        await using var runners = new ResidentRunners();
        var started = await PipelineRunner.RunAsync(repo.Root, ["Pid"], through: runners);
        started.ShouldExitWith(0);
        var runner = ClientScript.ProcessOf(started);
        Assert.Single(runners.Sockets);

        var stop = await PipelineRunner.RunAsync(repo.Root, stopRunner, through: runners);

        stop.ShouldExitWith(0);
        Assert.Equal($"Stopped the resident runner (pid {runner}).", stop.StandardOutput.Trim());
        Assert.False(ProcessProbe.IsAlive(runner), $"The runner is still running after --stop-runner: {ProcessProbe.Describe(runner)}");
        Assert.Empty(runners.Sockets);

        var again = await PipelineRunner.RunAsync(repo.Root, stopRunner, through: runners);
        again.ShouldExitWith(0);
        Assert.Equal("No resident runner was running.", again.StandardOutput.Trim());
    }

    [Fact]
    public async Task Stop_runner_given_to_the_runner_itself_after_the_script_stops_the_resident_runner()
    {
        // What build.ps1 on a platform without the client, or `dotnet tool run pipeline`, hands the runner.
        using var repo = new TempRepo(ClientScript.Text);
        await using var runners = new ResidentRunners();
        var started = await PipelineRunner.RunAsync(repo.Root, ["Pid"], through: runners);
        started.ShouldExitWith(0);
        var runner = ClientScript.ProcessOf(started);

        var stop = await PipelineRunner.RunAsync(repo.Root, ["--script", repo.ScriptPath, "--stop-runner"], new Dictionary<string, string?> { ["PIPELINE_RUNNER_DIR"] = runners.Directory });

        stop.ShouldExitWith(0);
        Assert.Equal($"Stopped the resident runner (pid {runner}).", stop.StandardOutput.Trim());
        Assert.Empty(runners.Sockets);
    }

    [Fact]
    public async Task A_connection_dropped_before_the_runner_took_the_run_is_tried_again_and_the_build_runs_exactly_once()
    {
        using var repo = new TempRepo(ClientScript.Text);
        await using var runners = new ResidentRunners();

        // The name the client gives this runner's socket: from a runner it started, then stopped.
        (await PipelineRunner.RunAsync(repo.Root, ["Pid"], through: runners)).ShouldExitWith(0);
        var socketPath = Assert.Single(runners.Sockets);
        (await PipelineRunner.RunAsync(repo.Root, ["--stop-runner"], through: runners)).ShouldExitWith(0);

        // A listener there that reads each request and hangs up without an answer: a runner dying as its client connects.
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var dropped = 0;
        var droppedThrice = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var listener = ChildProcess.Start(
            "perl",
            ["-MIO::Socket::UNIX", "-e", DroppingListener, socketPath],
            runners.Directory,
            standardOutputLine: line =>
            {
                if (line == "listening")
                {
                    listening.TrySetResult();
                }
                else if (line == "dropped" && Interlocked.Increment(ref dropped) == 3)
                {
                    droppedThrice.TrySetResult();
                }
            });
        await listening.Task.WaitAsync(HangGuard.Default);

        await using var run = PipelineRunner.Start(repo.Root, ["Pid"], through: runners);
        var result = await run.Completion;

        // Nothing ran in the "runner", so the build runs once, in the client's own process, after three tries.
        result.ShouldExitWith(0);
        Assert.Equal(run.ProcessId, ClientScript.ProcessOf(result));
        Assert.Single(result.OutputLines, line => line.Contains("run in process", StringComparison.Ordinal));
        Assert.Equal(
            "warning: the resident runner closed the connection before it took the run, 3 times; running without it.",
            result.StandardError.Trim());
        await droppedThrice.Task.WaitAsync(HangGuard.Default);
        Assert.Equal(3, Volatile.Read(ref dropped));
        File.Delete(socketPath);
    }

    private const string DroppingListener = """
        $| = 1;
        unlink $ARGV[0];
        my $server = IO::Socket::UNIX->new(Type => SOCK_STREAM(), Local => $ARGV[0], Listen => 5) or die "listen: $!";
        print "listening\n";
        while (my $client = $server->accept) {
            my $buffer;
            sysread($client, $buffer, 5);
            close $client;
            print "dropped\n";
        }
        """;
}
