using System.Runtime.InteropServices;

namespace Pipeline.Runner.Resident;

/// <summary>The libc calls a detached runner needs that .NET has no API for: a session of its own, and its standard streams replaced.</summary>
internal static partial class NativeCalls
{
    private const int ReadOnly = 0;
    // O_WRONLY | O_CREAT | O_TRUNC | O_APPEND: the log holds what this runner said (and a crash's last words).
    private const int WriteOnlyCreateAppend = 0x1 | 0x40 | 0x200 | 0x400;

    /// <summary>
    /// Leaves the client's session and process group: a Ctrl+C in the client's terminal reaches the client (which
    /// forwards it to its own run), never the runner, and the runner outlives the terminal.
    /// </summary>
    public static void StartSession() => _ = SetSid();

    /// <summary>Points standard input at /dev/null and standard output and error at <paramref name="logPath"/>, so the client may close its pipes.</summary>
    public static void RedirectStandardStreams(string logPath)
    {
        var input = Open("/dev/null", ReadOnly, 0);
        var log = Open(logPath, WriteOnlyCreateAppend, Convert.ToUInt32("600", 8));
        if (input < 0 || log < 0)
        {
            throw new IOException($"could not open /dev/null or {logPath} (errno {Marshal.GetLastPInvokeError()})");
        }

        _ = Duplicate(input, 0);
        _ = Duplicate(log, 1);
        _ = Duplicate(log, 2);
        _ = Close(input);
        _ = Close(log);
    }

    [LibraryImport("libc", EntryPoint = "setsid")]
    private static partial int SetSid();

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "dup2")]
    private static partial int Duplicate(int from, int to);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
