using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace Pipeline.Resident;

/// <summary>
/// Where a user's resident runner listens and who may talk to it: a Unix domain socket in a folder only the user can
/// enter (mode 0700: <c>PIPELINE_RUNNER_DIR</c>, else <c>$XDG_RUNTIME_DIR/pipeline</c>, else <c>/tmp/pipeline-&lt;uid&gt;</c>),
/// one socket per runtime and runner build (<see cref="Key"/>), and on each connection the peer's user checked
/// by the kernel (<c>SO_PEERCRED</c>), so neither side ever talks to another user's process.
/// </summary>
internal static partial class RunnerEndpoint
{
    /// <summary>The folder of the user's runners, not yet checked; see <see cref="PrepareDirectory"/>.</summary>
    public static string Directory(Func<string, string?> environment)
    {
        if (environment("PIPELINE_RUNNER_DIR") is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        return environment("XDG_RUNTIME_DIR") is { Length: > 0 } runtime && Path.IsPathRooted(runtime)
            ? Path.Combine(runtime, "pipeline")
            : Path.Combine(Path.GetTempPath(), $"pipeline-{EffectiveUserId()}");
    }

    /// <summary>
    /// Names one runner: a runner serves only the dotnet host, runtime folder and runner assembly it was started with,
    /// so an upgraded tool, a rebuilt runner or a newly installed runtime gets a runner of its own (FNV-1a: a name, not a secret).
    /// </summary>
    public static string Key(string dotnetPath, string runnerAssembly)
    {
        var assembly = new FileInfo(runnerAssembly);
        var sharedFramework = Path.Combine(Path.GetDirectoryName(dotnetPath) ?? string.Empty, "shared", "Microsoft.NETCore.App");
        var identity = string.Join(
            '\n',
            RunRequest.ProtocolVersion,
            dotnetPath,
            assembly.FullName,
            assembly.Exists ? assembly.LastWriteTimeUtc.Ticks : 0,
            assembly.Exists ? assembly.Length : 0,
            System.IO.Directory.Exists(sharedFramework) ? System.IO.Directory.GetLastWriteTimeUtc(sharedFramework).Ticks : 0);
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(identity))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string SocketPath(string directory, string key) => Path.Combine(directory, $"runner-{key}.sock");

    /// <summary>Held (exclusively) by the runner that owns the socket: whoever starts second leaves at once.</summary>
    public static string LockPath(string directory, string key) => Path.Combine(directory, $"runner-{key}.lock");

    /// <summary>The runner's own diagnostics (never a run's output, which goes to its client).</summary>
    public static string LogPath(string directory, string key) => Path.Combine(directory, $"runner-{key}.log");

    /// <summary>
    /// Makes the folder (mode 0700) or checks the one there: a real folder, not a link, that no one else may enter.
    /// Null when it is fit to hold a socket, else why not.
    /// </summary>
    public static string? PrepareDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return "the resident runner needs Unix domain sockets with file modes (not on Windows yet)";
        }

        try
        {
            var info = new DirectoryInfo(directory);
            if (!info.Exists)
            {
                if (File.Exists(directory))
                {
                    return $"{directory} is a file, not a folder";
                }

                System.IO.Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                info.Refresh();
            }

            if (info.LinkTarget is not null)
            {
                return $"{directory} is a symbolic link";
            }

            var open = info.UnixFileMode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
                UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
            return open == UnixFileMode.None ? null : $"{directory} may be entered by other users (mode {Convert.ToString((int)info.UnixFileMode, 8)}; it must be 700)";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return $"{directory} cannot be used: {exception.Message}";
        }
    }

    /// <summary>The user id of the process at the other end of a connected Unix socket, or null where the OS does not say (only Linux is asked).</summary>
    public static uint? PeerUserId(Socket socket) => Peer(socket)?.UserId;

    /// <summary>The process at the other end of a connected Unix socket and its user, or null where the OS does not say (only Linux is asked).</summary>
    public static (int ProcessId, uint UserId)? Peer(Socket socket)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // struct ucred { pid_t pid; uid_t uid; gid_t gid; } from getsockopt(SOL_SOCKET, SO_PEERCRED).
        const int solSocket = 1;
        const int soPeerCred = 17;
        Span<byte> credentials = stackalloc byte[12];
        return socket.GetRawSocketOption(solSocket, soPeerCred, credentials) == 12
            ? (System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(credentials), System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(credentials[4..]))
            : null;
    }

    /// <summary>The user this process runs as.</summary>
    public static uint EffectiveUserId() => OperatingSystem.IsWindows() ? 0 : GetEffectiveUserId();

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}
