using System.Net.Sockets;
using Pipeline.Resident;

namespace Pipeline.Runner.Resident;

/// <summary><c>pipeline --stop-runner</c> without a native client in front: asks every runner in the user's folder to stop.</summary>
internal static class StopRunners
{
    public static int Run(Func<string, string?> environment)
    {
        var directory = RunnerEndpoint.Directory(environment);
        var stopped = 0;
        foreach (var socketPath in System.IO.Directory.Exists(directory) ? System.IO.Directory.GetFiles(directory, "runner-*.sock") : [])
        {
            stopped += Stop(socketPath) ? 1 : 0;
        }

        if (stopped == 0)
        {
            Console.Out.WriteLine("No resident runner was running.");
        }

        return ExitCodes.Success;
    }

    private static bool Stop(string socketPath)
    {
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            if (RunnerEndpoint.PeerUserId(socket) is { } peer && peer != RunnerEndpoint.EffectiveUserId())
            {
                return false;
            }

            using var stream = new NetworkStream(socket, ownsSocket: false);
            Frames.Write(stream, FrameKind.Stop, []);
            while (Frames.Read(stream) is { } frame && frame.Kind != FrameKind.Exit)
            {
                if (frame.Kind == FrameKind.Output)
                {
                    Console.Out.Write(System.Text.Encoding.UTF8.GetString(frame.Payload));
                }
            }

            return true;
        }
        catch (Exception exception) when (exception is SocketException or IOException or InvalidDataException)
        {
            // A stale socket: nobody to stop.
            return false;
        }
    }
}
