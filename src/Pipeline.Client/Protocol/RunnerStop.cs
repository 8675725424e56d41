using System.Net.Sockets;
using System.Text;

namespace Pipeline.Resident;

/// <summary>
/// <c>--stop-runner</c>: asks every runner in the user's folder to stop and waits until its process is gone, so the
/// next run surely starts a new one. Used by the native client and by the runner when started without a client.
/// </summary>
internal static class RunnerStop
{
    /// <summary>Generous: a runner finishing its clean-up on a busy machine. Not a measure of speed.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Stops them all; <paramref name="say"/> gets each runner's answer, or that none was running. Always 0.</summary>
    public static int StopAll(string directory, Action<string> say)
    {
        var stopped = 0;
        var sockets = System.IO.Directory.Exists(directory) ? System.IO.Directory.GetFiles(directory, "runner-*.sock") : [];
        foreach (var path in sockets)
        {
            if (Stop(path, say))
            {
                stopped++;
            }
        }

        if (stopped == 0)
        {
            say("No resident runner was running.\n");
        }

        return 0;
    }

    private static bool Stop(string path, Action<string> say)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(path));
        }
        catch (SocketException)
        {
            // No process listens there (a runner killed before it could delete its socket): nothing to stop.
            return false;
        }

        var peer = RunnerEndpoint.Peer(socket);
        if (peer is { UserId: var user } && user != RunnerEndpoint.EffectiveUserId())
        {
            say($"Left {path} alone: it is served by a process of user {user}.\n");
            return false;
        }

        var processId = peer?.ProcessId;
        try
        {
            using var stream = new NetworkStream(socket, ownsSocket: false);
            Frames.Write(stream, FrameKind.Stop, []);
            while (Frames.Read(stream) is { } frame && frame.Kind != FrameKind.Exit)
            {
                if (frame.Kind is FrameKind.Output or FrameKind.Error or FrameKind.Refused)
                {
                    say(Encoding.UTF8.GetString(frame.Payload));
                }
            }
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or SocketException)
        {
            // It went away while answering: it is stopping all the same.
        }

        WaitUntilGone(processId);
        return true;
    }

    /// <summary>Until the runner's process has ended (Linux: /proc says so), so its socket and lock are free.</summary>
    private static void WaitUntilGone(int? processId)
    {
        if (processId is not { } pid || !OperatingSystem.IsLinux())
        {
            return;
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (IsRunning(pid) && waited.Elapsed < Patience)
        {
            Thread.Sleep(10);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            // "pid (name) S ...": a zombie (Z) has finished, it only waits for its parent to read its exit code.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat.LastIndexOf(')') is >= 0 and var end && end + 2 < stat.Length ? stat[end + 2] : 'R';
            return state is not ('Z' or 'X');
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
