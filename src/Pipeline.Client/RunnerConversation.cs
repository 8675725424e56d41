using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Pipeline.Resident;

namespace Pipeline.Client;

/// <summary>
/// One run's frames with the runner: the request out; output and error bytes in, written as they come; Ctrl+C,
/// SIGTERM and terminal resizes out as they happen; the exit code in last.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class RunnerConversation(Socket socket, string runnerLog) : IDisposable
{
    private readonly NetworkStream _stream = new(socket, ownsSocket: true);
    private readonly Lock _writing = new();
    private readonly List<PosixSignalRegistration> _signals = [];

    /// <summary>
    /// The connection was lost before the runner took the run (<see cref="FrameKind.Accepted"/>): nothing ran. The runner
    /// was leaving, or died as this client connected (its socket lives until its last thread is gone).
    /// </summary>
    public bool LostBeforeAccepted { get; private set; }

    /// <summary>
    /// The run's exit code; null when the runner declined it (busy, refused) and the run goes in-process, or when the
    /// connection was lost before it took the run (<see cref="LostBeforeAccepted"/>).
    /// </summary>
    public int? Run(RunRequest request)
    {
        try
        {
            Send(FrameKind.Request, request.ToBytes());
        }
        catch (IOException)
        {
            LostBeforeAccepted = true;
            return null;
        }

        ForwardSignals();
        var said = false;
        var accepted = false;
        while (true)
        {
            Frame? frame;
            try
            {
                frame = Frames.Read(_stream);
            }
            catch (Exception exception) when (exception is IOException or InvalidDataException or SocketException)
            {
                if (!accepted)
                {
                    LostBeforeAccepted = true;
                    return null;
                }

                return Lost(exception.Message);
            }

            switch (frame?.Kind)
            {
                case null when !accepted:
                    LostBeforeAccepted = true;
                    return null;
                case null:
                    return Lost("the connection closed before the run's exit code");
                case FrameKind.Accepted:
                    accepted = true;
                    break;
                case FrameKind.Output:
                    said = true;
                    Native.Write(Native.StandardOutput, frame.Payload);
                    break;
                case FrameKind.Error:
                    said = true;
                    Native.Write(Native.StandardError, frame.Payload);
                    break;
                case FrameKind.Exit:
                    return frame.Int32;
                case FrameKind.Busy when !said:
                    // Another build is running in it: this one runs in its own process, as without a runner.
                    return null;
                case FrameKind.Refused when !said:
                    Messages.Warning($"the resident runner refused the run ({Encoding.UTF8.GetString(frame.Payload)}); running without it.");
                    return null;
                default:
                    return Lost($"it sent an unexpected {frame.Kind} frame");
            }
        }
    }

    public void Dispose()
    {
        foreach (var registration in _signals)
        {
            registration.Dispose();
        }

        _stream.Dispose();
    }

    private int Lost(string detail)
    {
        Messages.Error($"the resident runner stopped in the middle of the run ({detail}; its log: {runnerLog}). The next run starts a new one; PIPELINE_RUNNER=off runs without it.");
        return ExitCodes.RunnerLost;
    }

    private void ForwardSignals()
    {
        // The run decides what Ctrl+C and SIGTERM do (first cancels, second forces); this process only passes them on.
        _signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, context => ForwardSignal(context, 2)));
        _signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => ForwardSignal(context, 15)));
        _signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => TrySend(FrameKind.Resize, ResidentRun.TerminalWidth())));
    }

    private void ForwardSignal(PosixSignalContext context, byte number)
    {
        context.Cancel = true;
        TrySend(FrameKind.Signal, number);
    }

    private void Send(FrameKind kind, ReadOnlySpan<byte> payload)
    {
        lock (_writing)
        {
            Frames.Write(_stream, kind, payload);
        }
    }

    private void TrySend(FrameKind kind, byte value) => TrySend(kind, [value]);

    private void TrySend(FrameKind kind, int value)
    {
        Span<byte> payload = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(payload, value);
        TrySend(kind, payload);
    }

    private void TrySend(FrameKind kind, ReadOnlySpan<byte> payload)
    {
        try
        {
            Send(kind, payload);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or SocketException)
        {
            // The run is over or the runner is gone; reading says which.
        }
    }
}
