using System.Net.Sockets;
using System.Runtime.InteropServices;
using Pipeline.Resident;

namespace Pipeline.Runner.Resident;

/// <summary>
/// <c>--resident &lt;folder&gt; &lt;key&gt;</c>, started detached by the native client: leaves the client's session, takes
/// the runner's lock (another runner holds it: this one leaves quietly, the other serves), replaces a stale socket,
/// listens (0600), then points its standard streams at /dev/null and its log so the client may close its pipes, and
/// serves until idle, stopped or outdated. Whatever fails before it listens is said on standard error with a non-zero
/// exit code (the client shows it and runs the build itself). The socket goes with the runner.
/// </summary>
internal static class ResidentStartup
{
    public static async Task<int> ServeAsync(string directory, string key)
    {
        if (OperatingSystem.IsWindows())
        {
            await Console.Error.WriteLineAsync("error: the resident runner needs Unix domain sockets (not on Windows yet).");
            return 1;
        }

        NativeCalls.StartSession();
        if (RunnerEndpoint.PrepareDirectory(directory) is { } unfit)
        {
            await Console.Error.WriteLineAsync($"error: {unfit}");
            return 1;
        }

        using var held = Lock(RunnerEndpoint.LockPath(directory, key));
        if (held is null)
        {
            // Another runner for the same key won the race; the client connects to it.
            return 0;
        }

        var socketPath = RunnerEndpoint.SocketPath(directory, key);
        Socket listener;
        try
        {
            listener = Listen(socketPath);
        }
        catch (Exception exception) when (exception is SocketException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: the resident runner cannot listen on {socketPath}: {exception.Message}");
            return 1;
        }

        try
        {
            var logPath = RunnerEndpoint.LogPath(directory, key);
            NativeCalls.RedirectStandardStreams(logPath);
            using var log = RunnerLog.Open(logPath);
            log.Write($"listening on {socketPath}");
            var (settings, _) = RunnerSettings.From(Environment.GetEnvironmentVariable);
            var identity = Identity();
            using var server = new ResidentServer(listener, settings?.IdleTimeout ?? RunnerSettings.DefaultIdleTimeout, () => Identity() != identity, TimeProvider.System, log);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                // Environment.Exit (a build script may call it) skips the clean-up below.
                ResidentRun.ProcessEnding();
                TryDelete(socketPath);
            };
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                // A run in progress is cancelled by its own handler; the runner leaves once it has ended.
                context.Cancel = true;
                server.RequestStop("SIGTERM");
            });
            await server.ServeAsync();
            return 0;
        }
        finally
        {
            listener.Dispose();
            TryDelete(socketPath);
        }
    }

    /// <summary>What the runner is: its host, its assembly and the runtime beside it. When that changes, the runner is outdated.</summary>
    private static string Identity() =>
        RunnerEndpoint.Key(Environment.ProcessPath ?? "dotnet", typeof(ResidentStartup).Assembly.Location);

    /// <summary>The lock held for the runner's life, or null when another runner holds it.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static FileStream? Lock(string path)
    {
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Unix, released by the kernel when the process dies.
            return new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.OpenOrCreate,
                Access = FileAccess.ReadWrite,
                Share = FileShare.None,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException)
        {
            return null;
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static Socket Listen(string socketPath)
    {
        // Held the lock, so a socket file here belongs to a runner that is gone.
        TryDelete(socketPath);
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(socketPath));
            File.SetUnixFileMode(socketPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            listener.Listen(16);
            return listener;
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Whoever binds next deletes it first.
        }
    }
}
