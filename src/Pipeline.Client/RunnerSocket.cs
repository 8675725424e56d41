using System.Net.Sockets;
using Pipeline.Resident;

namespace Pipeline.Client;

/// <summary>Connecting to a runner's socket, and telling "no runner there" from every other failure.</summary>
internal static class RunnerSocket
{
    /// <summary>The connected socket, or null with the reason; <paramref name="nobodyListens"/> when there is no runner to reach (no socket file, or one no process listens on).</summary>
    public static Socket? TryConnect(string path, out bool nobodyListens, out string? why)
    {
        nobodyListens = false;
        why = null;
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(path));
            return socket;
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            // ECONNREFUSED: a socket file whose runner is gone; ENOENT (AddressNotAvailable): no socket file yet.
            nobodyListens = exception.SocketErrorCode is SocketError.ConnectionRefused or SocketError.AddressNotAvailable || !File.Exists(path);
            why = $"cannot connect to {path}: {exception.Message}";
            return null;
        }
    }

    /// <summary>Null when the process at the other end runs as this user, else why the client will not talk to it.</summary>
    public static string? RefuseOtherUser(Socket socket, string path)
    {
        var mine = RunnerEndpoint.EffectiveUserId();
        return RunnerEndpoint.PeerUserId(socket) is { } peer && peer != mine
            ? $"the resident runner's socket {path} is served by a process of user {peer}, not by you (user {mine}); running without it."
            : null;
    }
}
