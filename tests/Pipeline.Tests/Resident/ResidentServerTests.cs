using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Resident;
using Pipeline.Runner.Resident;

namespace Pipeline.Tests.Resident;

/// <summary>The resident runner's life on its socket: when it leaves, and what it answers besides a build.</summary>
public sealed class ResidentServerTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(10);

    private readonly string _directory = Path.Combine("/tmp", $"pipeline-server-test-{Guid.NewGuid():N}"[..32]);
    private readonly FakeTimeProvider _time = new();
    private readonly Socket _listener;
    private bool _identityChanged;

    public ResidentServerTests()
    {
        Directory.CreateDirectory(_directory);
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        _listener.Listen(4);
    }

    private string SocketPath => Path.Combine(_directory, "runner-test.sock");

    [Fact]
    public async Task A_runner_idle_for_its_idle_timeout_leaves()
    {
        using var server = Server();
        var serving = server.ServeAsync();

        _time.Advance(IdleTimeout - TimeSpan.FromSeconds(1));
        Assert.Null(server.StopReason);
        _time.Advance(TimeSpan.FromSeconds(1));

        await serving.WaitAsync(Patience);
        Assert.Contains("idle", server.StopReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_runner_whose_assembly_or_runtime_changed_leaves()
    {
        using var server = Server();
        var serving = server.ServeAsync();

        _time.Advance(ResidentServer.IdentityCheckInterval);
        Assert.Null(server.StopReason);
        _identityChanged = true;
        _time.Advance(ResidentServer.IdentityCheckInterval);

        await serving.WaitAsync(Patience);
        Assert.Contains("changed", server.StopReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stop_frame_is_answered_with_the_runner_pid_and_exit_code_0_and_the_runner_leaves()
    {
        using var server = Server();
        var serving = server.ServeAsync();

        using var client = Connect();
        Frames.Write(client, FrameKind.Stop, []);

        var output = Frames.Read(client);
        Assert.Equal(FrameKind.Output, output!.Kind);
        Assert.Equal($"Stopped the resident runner (pid {Environment.ProcessId}).\n", Encoding.UTF8.GetString(output.Payload));
        var exit = Frames.Read(client);
        Assert.Equal(FrameKind.Exit, exit!.Kind);
        Assert.Equal(0, exit.Int32);
        await serving.WaitAsync(Patience);
        Assert.Equal("--stop-runner", server.StopReason);
    }

    [Fact]
    public async Task A_request_of_another_protocol_version_is_refused_with_the_reason()
    {
        using var server = Server();
        var serving = server.ServeAsync();

        using var client = Connect();
        Frames.WriteInt32(client, FrameKind.Request, RunRequest.ProtocolVersion + 1);

        var answer = Frames.Read(client);
        Assert.Equal(FrameKind.Refused, answer!.Kind);
        Assert.Contains($"protocol version {RunRequest.ProtocolVersion + 1}", Encoding.UTF8.GetString(answer.Payload), StringComparison.Ordinal);
        server.RequestStop("test over");
        await serving.WaitAsync(Patience);
    }

    public void Dispose()
    {
        _listener.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private ResidentServer Server() => new(_listener, IdleTimeout, () => _identityChanged, _time, new RunnerLog(TextWriter.Null));

    private NetworkStream Connect()
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint(SocketPath));
        return new NetworkStream(socket, ownsSocket: true);
    }
}
