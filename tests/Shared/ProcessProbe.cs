using System.Diagnostics;

namespace Pipeline.Testing;

/// <summary>
/// Looks at processes a test started indirectly (a grandchild <c>sleep</c>, say) through /proc (Linux), where a zombie
/// counts as gone; the wait for one to end only guards against a hang with its limit.
/// </summary>
internal static class ProcessProbe
{
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

    /// <summary>
    /// True once the process is gone; false if it is still alive when <paramref name="limit"/> passes. It is not the
    /// test's child, so no exit event reaches the test (.NET has no pidfd): /proc is looked at every 100 ms.
    /// </summary>
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
