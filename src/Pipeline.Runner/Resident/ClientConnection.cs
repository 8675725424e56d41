using System.Net.Sockets;
using Pipeline.Resident;

namespace Pipeline.Runner.Resident;

/// <summary>
/// The runner's end of one client's connection. Frames from any thread (standard output, standard error, the exit
/// code) are written one at a time; once the client is gone, whatever the run still writes is dropped, so a run
/// whose client went away finishes quietly instead of failing on its own output.
/// </summary>
internal sealed class ClientConnection(Socket socket) : IDisposable
{
    private readonly NetworkStream _stream = new(socket, ownsSocket: true);
    private readonly Lock _gate = new();
    private volatile bool _gone;

    public Socket Socket => socket;

    /// <summary>The client closed its end, or was told to stop listening (<see cref="Detach"/>).</summary>
    public bool Gone => _gone;

    public Frame? Read() => Frames.Read(_stream);

    public void Send(FrameKind kind, ReadOnlySpan<byte> payload)
    {
        lock (_gate)
        {
            if (_gone)
            {
                return;
            }

            try
            {
                Frames.Write(_stream, kind, payload);
            }
            catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
            {
                _gone = true;
            }
        }
    }

    public void SendInt32(FrameKind kind, int value)
    {
        Span<byte> payload = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(payload, value);
        Send(kind, payload);
    }

    /// <summary>Nothing more reaches the client: it already has its exit code.</summary>
    public void Detach()
    {
        lock (_gate)
        {
            _gone = true;
        }
    }

    public void Dispose() => _stream.Dispose();
}
