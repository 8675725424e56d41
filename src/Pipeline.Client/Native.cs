using System.Runtime.InteropServices;

namespace Pipeline.Client;

/// <summary>
/// The few libc calls the client makes itself: it writes the run's bytes to its file descriptors unchanged and
/// replaces itself with dotnet, neither of which System.Console or System.Diagnostics.Process does.
/// </summary>
internal static unsafe partial class Native
{
    public const int StandardInput = 0;
    public const int StandardOutput = 1;
    public const int StandardError = 2;

    private const int Interrupted = 4; // EINTR
    private static readonly int WouldBlock = OperatingSystem.IsLinux() ? 11 : 35; // EAGAIN: Linux, macOS

    /// <summary>Linux's TIOCGWINSZ; macOS's is another number, where the width falls back to COLUMNS.</summary>
    private const nuint GetWindowSize = 0x5413;

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteBytes(int descriptor, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "isatty")]
    private static partial int IsTerminal(int descriptor);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int WindowSize(int descriptor, nuint request, ushort* size);

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint SetSignalHandler(int signal, nint handler);

    [LibraryImport("libc", EntryPoint = "execv", SetLastError = true)]
    private static partial int ExecuteFile(byte* path, byte** arguments);

    /// <summary>Writes every byte, or stops quietly when the reader went away (a closed pipe: there is no one left to tell).</summary>
    public static void Write(int descriptor, ReadOnlySpan<byte> bytes)
    {
        fixed (byte* start = bytes)
        {
            var written = 0;
            while (written < bytes.Length)
            {
                var count = WriteBytes(descriptor, start + written, (nuint)(bytes.Length - written));
                if (count < 0 && Marshal.GetLastPInvokeError() is var errno && (errno == Interrupted || errno == WouldBlock))
                {
                    // WouldBlock: a terminal or pipe another program left non-blocking is full for a moment.
                    if (errno == WouldBlock)
                    {
                        Thread.Sleep(1);
                    }

                    continue;
                }

                if (count <= 0)
                {
                    return;
                }

                written += (int)count;
            }
        }
    }

    public static bool IsTerminalDescriptor(int descriptor) => !OperatingSystem.IsWindows() && IsTerminal(descriptor) == 1;

    /// <summary>The columns of the terminal on <paramref name="descriptor"/>, or 0 when it is none or does not say.</summary>
    public static int TerminalColumns(int descriptor)
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        // struct winsize { unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel; }
        var size = stackalloc ushort[4];
        return WindowSize(descriptor, GetWindowSize, size) == 0 ? size[1] : 0;
    }

    /// <summary>Replaces this process with <paramref name="path"/> (same pid); returns only when that failed, with errno.</summary>
    public static int Execute(string path, IReadOnlyList<string> arguments)
    {
        var strings = new nint[arguments.Count + 1];
        try
        {
            var pathBytes = Marshal.StringToCoTaskMemUTF8(path);
            try
            {
                for (var i = 0; i < arguments.Count; i++)
                {
                    strings[i] = Marshal.StringToCoTaskMemUTF8(arguments[i]);
                }

                // The .NET runtime of this process ignores SIGPIPE, and an ignored signal stays ignored across execv:
                // dotnet and the commands a build starts would inherit that. A shell starts them with the default.
                const int brokenPipe = 13;
                SetSignalHandler(brokenPipe, 0);
                fixed (nint* argv = strings)
                {
                    ExecuteFile((byte*)pathBytes, (byte**)argv);
                }

                return Marshal.GetLastPInvokeError();
            }
            finally
            {
                Marshal.FreeCoTaskMem(pathBytes);
            }
        }
        finally
        {
            foreach (var pointer in strings)
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }
}
