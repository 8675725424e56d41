using System.Runtime.Versioning;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Resident;

/// <summary>
/// Where the native client sends a run: to the resident runner, or (off, an unfit folder, a socket of another user)
/// to `dotnet &lt;runner&gt;` in its own process, which is the client itself after execv (same process id).
/// </summary>
[UnsupportedOSPlatform("windows")] // Unix domain sockets, file modes
public sealed class ClientRouteTests
{
    [Fact]
    public async Task With_the_runner_on_the_build_runs_in_a_resident_runner_that_the_next_run_reuses()
    {
        using var repo = new TempRepo(ClientScript.Text);
        await using var runners = new ResidentRunners();

        await using var first = PipelineRunner.Start(repo.Root, ["Pid"], through: runners);
        var firstResult = await first.Completion;
        var second = await PipelineRunner.RunAsync(repo.Root, ["Pid"], through: runners);

        firstResult.ShouldExitWith(0);
        second.ShouldExitWith(0);
        Assert.NotEqual(first.ProcessId, ClientScript.ProcessOf(firstResult));
        Assert.Equal(ClientScript.ProcessOf(firstResult), ClientScript.ProcessOf(second));
        Assert.Single(runners.Sockets);
    }

    [Fact]
    public async Task With_PIPELINE_RUNNER_off_the_client_becomes_the_in_process_run_and_no_runner_starts()
    {
        using var repo = new TempRepo(ClientScript.Text);
        await using var runners = new ResidentRunners();

        await using var run = PipelineRunner.Start(repo.Root, ["Pid"], new Dictionary<string, string?> { ["PIPELINE_RUNNER"] = "off" }, through: runners);
        var result = await run.Completion;

        result.ShouldExitWith(0);
        Assert.Equal(run.ProcessId, ClientScript.ProcessOf(result));
        Assert.Empty(runners.Sockets);
        Assert.Equal(string.Empty, result.StandardError);
    }

    [Theory]
    [InlineData("PIPELINE_RUNNER", "sometimes", "error: PIPELINE_RUNNER is 'sometimes'; use on, off or auto.")]
    [InlineData("PIPELINE_RUNNER_IDLE", "soon", "error: PIPELINE_RUNNER_IDLE is 'soon'; use a duration such as 90s, 10m or 1h.")]
    [InlineData("PIPELINE_RUNNER_IDLE", "-5m", "error: PIPELINE_RUNNER_IDLE is '-5m'; use a duration such as 90s, 10m or 1h.")]
    public async Task A_malformed_runner_setting_is_a_usage_error_that_runs_nothing(string variable, string value, string message)
    {
        using var repo = new TempRepo(ClientScript.Text);
        await using var runners = new ResidentRunners();

        var result = await PipelineRunner.RunAsync(repo.Root, ["Pid"], new Dictionary<string, string?> { [variable] = value }, through: runners);

        result.ShouldExitWith(2);
        Assert.Equal(message, result.StandardError.Trim());
        Assert.DoesNotContain("in process", result.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(runners.Sockets);
    }

    [Fact]
    public async Task A_runner_folder_other_users_may_enter_is_refused_with_a_warning_and_the_build_runs_in_process()
    {
        using var repo = new TempRepo(ClientScript.Text);
        await using var runners = new ResidentRunners();
        File.SetUnixFileMode(runners.Directory, (UnixFileMode)0b111_111_111);

        await using var run = PipelineRunner.Start(repo.Root, ["Pid"], through: runners);
        var result = await run.Completion;

        result.ShouldExitWith(0);
        Assert.Equal(run.ProcessId, ClientScript.ProcessOf(result));
        Assert.Equal(
            $"warning: not using the resident runner: {runners.Directory} may be entered by other users (mode 777; it must be 700); running without it.",
            result.StandardError.Trim());
        Assert.Empty(runners.Sockets);
        File.SetUnixFileMode(runners.Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [RootFact]
    public async Task A_socket_served_by_another_user_is_told_nothing_and_the_build_runs_in_process()
    {
        using var repo = new TempRepo(ClientScript.Text);
        await using var runners = new ResidentRunners();

        // The name the client gives this runner's socket: from a runner it started, then stopped.
        var started = await PipelineRunner.RunAsync(repo.Root, ["Pid"], through: runners);
        started.ShouldExitWith(0);
        var socketPath = Assert.Single(runners.Sockets);
        (await PipelineRunner.RunAsync(repo.Root, ["--stop-runner"], through: runners)).ShouldExitWith(0);
        Assert.False(File.Exists(socketPath), $"--stop-runner left {socketPath}.");

        // Another user's listener (nobody, 65534), its socket then put where the client looks for its runner.
        var shared = Directory.CreateTempSubdirectory("pipeline-foreign-");
        File.SetUnixFileMode(shared.FullName, (UnixFileMode)0b111_111_111);
        var foreignSocket = Path.Combine(shared.FullName, "s");
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var listener = ChildProcess.Start(
            "setpriv",
            ["--reuid=65534", "--regid=65534", "--clear-groups", "perl", "-MIO::Socket::UNIX", "-e", ForeignListener, foreignSocket],
            shared.FullName,
            standardOutputLine: line =>
            {
                if (line == "listening")
                {
                    listening.TrySetResult();
                }
                else if (line.StartsWith("received", StringComparison.Ordinal))
                {
                    received.TrySetResult(line);
                }
            });
        await listening.Task.WaitAsync(HangGuard.Default);
        File.Move(foreignSocket, socketPath);

        await using var run = PipelineRunner.Start(repo.Root, ["Pid"], through: runners);
        var result = await run.Completion;

        result.ShouldExitWith(0);
        Assert.Equal(run.ProcessId, ClientScript.ProcessOf(result));
        Assert.Equal(
            $"warning: the resident runner's socket {socketPath} is served by a process of user 65534, not by you (user 0); running without it.",
            result.StandardError.Trim());
        Assert.Equal("received 0 bytes", await received.Task.WaitAsync(HangGuard.Default));
        File.Delete(socketPath);
        shared.Delete(recursive: true);
    }

    // Accepts one connection and says how many bytes it got before the other end closed it.
    private const string ForeignListener = """
        $| = 1;
        my $server = IO::Socket::UNIX->new(Type => SOCK_STREAM(), Local => $ARGV[0], Listen => 1) or die "listen: $!";
        print "listening\n";
        my $client = $server->accept or die "accept: $!";
        my ($total, $buffer) = (0, '');
        while ((my $count = sysread($client, $buffer, 4096)) > 0) { $total += $count; }
        print "received $total bytes\n";
        """;
}
