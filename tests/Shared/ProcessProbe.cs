using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Testing;

/// <summary>
/// Looks at processes a test started indirectly (a grandchild <c>sleep</c>, say) through /proc (Linux), where a zombie
/// counts as gone. Every wait polls until its condition holds; its limit only guards against a hang.
/// </summary>
internal static class ProcessProbe
{
    /// <summary>Waits until <paramref name="path"/> holds a process id (a child writes it with <c>echo $! &gt; file</c>).</summary>
    public static async Task<int> ReadPidFileAsync(string path, TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(limit);
        while (true)
        {
            if (TryReadPidFile(path) is { } pid)
            {
                return pid;
            }

            await Task.Delay(50, deadline.Token);
        }
    }

    /// <summary>
    /// The same, but gives up once <paramref name="writer"/> (the command that writes the file) has ended without
    /// writing it: then null.
    /// </summary>
    public static async Task<int?> ReadPidFileAsync(string path, Task writer)
    {
        while (true)
        {
            var ended = writer.IsCompleted;
            if (TryReadPidFile(path) is { } pid)
            {
                return pid;
            }

            if (ended)
            {
                return null;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Whether <paramref name="pid"/> is a live process (not a zombie) and, when <paramref name="programName"/> is
    /// given, one whose command line starts with that program (so a reused process id is not mistaken for it).
    /// </summary>
    public static bool IsAlive(int pid, string? programName = null)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");

            // The state follows the parenthesised command name: "1234 (sleep) S ...".
            var state = stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault();
            if (state is 'Z' or 'X')
            {
                return false;
            }

            return programName is null || Path.GetFileName(File.ReadAllText($"/proc/{pid}/cmdline").Split('\0')[0]) == programName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>True once the process is gone; false if it is still alive when <paramref name="limit"/> passes.</summary>
    public static async Task<bool> WaitForExitAsync(int pid, TimeSpan limit, string? programName = null)
    {
        var clock = Stopwatch.StartNew();
        while (IsAlive(pid, programName))
        {
            if (clock.Elapsed > limit)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    /// <summary>For failure messages: the process's state and parent from /proc (T is stopped), or that it is gone.</summary>
    public static string Describe(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return $"state {fields[0]}, parent {fields[1]}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "gone";
        }
    }

    private static int? TryReadPidFile(string path)
    {
        try
        {
            return int.TryParse(File.ReadAllText(path), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Clean-up after a test: kills the process if it is still alive (and still <paramref name="programName"/>, when given).</summary>
    public static void Kill(int pid, string? programName = null)
    {
        if (!IsAlive(pid, programName))
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Gone in the meantime.
        }
    }
}
