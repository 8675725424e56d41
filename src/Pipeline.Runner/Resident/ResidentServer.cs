using System.Net.Sockets;
using System.Text;
using Pipeline.Resident;

namespace Pipeline.Runner.Resident;

/// <summary>
/// A resident runner listening on its socket: each connection is one client's build (or its <c>--stop-runner</c>), one
/// build at a time; a client that comes while a build runs is told <see cref="FrameKind.Busy"/> and runs its build in a
/// process of its own. The runner leaves when it has been idle for its idle timeout, when its own files changed (a
/// rebuilt runner or a new runtime: new clients go to a new runner), when told to stop, and on SIGTERM while idle.
/// </summary>
internal sealed class ResidentServer : IDisposable
{
    /// <summary>How often the runner looks whether its files changed: a stat or two.</summary>
    internal static readonly TimeSpan IdentityCheckInterval = TimeSpan.FromSeconds(2);

    private readonly Socket _listener;
    private readonly TimeSpan _idleTimeout;
    private readonly Func<bool> _identityChanged;
    private readonly RunnerLog _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly ITimer _idle;
    private readonly ITimer _identity;
    private int _busy;
    private volatile string? _stopReason;

    /// <param name="listener">A socket already bound and listening.</param>
    /// <param name="identityChanged">Whether the runner's assembly or runtime changed since it started.</param>
    public ResidentServer(Socket listener, TimeSpan idleTimeout, Func<bool> identityChanged, TimeProvider time, RunnerLog log)
    {
        _listener = listener;
        _idleTimeout = idleTimeout;
        _identityChanged = identityChanged;
        _log = log;
        _idle = time.CreateTimer(_ => StopWhenIdle("idle for " + idleTimeout), null, idleTimeout, Timeout.InfiniteTimeSpan);
        _identity = time.CreateTimer(_ => CheckIdentity(), null, IdentityCheckInterval, IdentityCheckInterval);
    }

    /// <summary>Why the runner stopped (or null while it serves).</summary>
    public string? StopReason => _stopReason;

    /// <summary>Serves until a reason to stop; then no connection is accepted any more.</summary>
    public async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (SocketException exception)
            {
                _log.Write($"accept failed: {exception.Message}");
                continue;
            }

            _ = Task.Run(() => ServeConnectionAsync(connection));
        }

        _log.Write($"stopping: {_stopReason}");
    }

    /// <summary>Stops once no build runs (at once when idle).</summary>
    public void RequestStop(string reason)
    {
        // Interlocked (a full fence): a run that marks itself busy either sees the reason or is seen here.
        Interlocked.CompareExchange(ref _stopReason, reason, null);
        if (Volatile.Read(ref _busy) == 0)
        {
            _stop.Cancel();
        }
    }

    public void Dispose()
    {
        _idle.Dispose();
        _identity.Dispose();
        _stop.Dispose();
    }

    private async Task ServeConnectionAsync(Socket socket)
    {
        using var client = new ClientConnection(socket);
        try
        {
            if (RunnerEndpoint.PeerUserId(socket) is { } peer && peer != RunnerEndpoint.EffectiveUserId())
            {
                // The folder is the user's alone, so this cannot happen unless its mode was changed under us.
                _log.Write($"refused a client of user {peer}");
                client.Send(FrameKind.Refused, Encoding.UTF8.GetBytes($"the resident runner serves user {RunnerEndpoint.EffectiveUserId()} only, not user {peer}"));
                return;
            }

            switch (client.Read())
            {
                case { Kind: FrameKind.Request } request:
                    await RunAsync(client, request.Payload).ConfigureAwait(false);
                    break;
                case { Kind: FrameKind.Stop }:
                    client.Send(FrameKind.Output, Encoding.UTF8.GetBytes($"Stopped the resident runner (pid {Environment.ProcessId}).\n"));
                    client.SendInt32(FrameKind.Exit, 0);
                    RequestStop("--stop-runner");
                    break;
                case { } other:
                    client.Send(FrameKind.Refused, Encoding.UTF8.GetBytes($"a {other.Kind} frame cannot start a conversation with the resident runner"));
                    break;
                case null:
                    break;
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or InvalidDataException or ObjectDisposedException)
        {
            _log.Write($"connection ended: {exception.Message}");
        }
    }

    private async Task RunAsync(ClientConnection client, byte[] payload)
    {
        RunRequest request;
        try
        {
            request = RunRequest.Parse(payload);
        }
        catch (InvalidDataException exception)
        {
            client.Send(FrameKind.Refused, Encoding.UTF8.GetBytes(exception.Message));
            return;
        }

        if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            client.Send(FrameKind.Busy, []);
            return;
        }

        if (_stopReason is not null)
        {
            // Leaving: the client runs its build itself, as when busy.
            Volatile.Write(ref _busy, 0);
            _stop.Cancel();
            client.Send(FrameKind.Busy, []);
            return;
        }

        try
        {
            _log.Write($"run in {request.WorkingDirectory}");
            await ResidentRun.RunAsync(request, client, _log).ConfigureAwait(false);
        }
        finally
        {
            _idle.Change(_idleTimeout, Timeout.InfiniteTimeSpan);
            Volatile.Write(ref _busy, 0);
            if (_stopReason is not null)
            {
                _stop.Cancel();
            }
        }
    }

    private void StopWhenIdle(string reason)
    {
        if (Volatile.Read(ref _busy) == 0)
        {
            RequestStop(reason);
        }
    }

    private void CheckIdentity()
    {
        if (_identityChanged())
        {
            RequestStop("the runner's assembly or runtime changed");
        }
    }
}
