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

    [Fact]
    public async Task Stop_runner_ends_the_runner_process_and_removes_its_socket_before_it_returns()
    {
        using var repo = new TempRepo(ClientScript.Text);
        await using var runners = new ResidentRunners();
        var started = await PipelineRunner.RunAsync(repo.Root, ["Pid"], through: runners);
        started.ShouldExitWith(0);
        var runner = ClientScript.ProcessOf(started);
        Assert.Single(runners.Sockets);

        var stop = await PipelineRunner.RunAsync(repo.Root, ["--stop-runner"], through: runners);

        stop.ShouldExitWith(0);
        Assert.Equal($"Stopped the resident runner (pid {runner}).", stop.StandardOutput.Trim());
        Assert.False(ProcessProbe.IsAlive(runner), $"The runner is still running after --stop-runner: {ProcessProbe.Describe(runner)}");
        Assert.Empty(runners.Sockets);

        var again = await PipelineRunner.RunAsync(repo.Root, ["--stop-runner"], through: runners);
        again.ShouldExitWith(0);
        Assert.Equal("No resident runner was running.", again.StandardOutput.Trim());
    }
}
