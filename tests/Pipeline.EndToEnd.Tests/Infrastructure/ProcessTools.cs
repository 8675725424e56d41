using System.Diagnostics;
using System.Globalization;

namespace Pipeline.EndToEnd.Tests.Infrastructure;

/// <summary>Signals and process state, read from /proc (the Ctrl+C tests run on Linux).</summary>
public static class ProcessTools
{
    /// <summary>Sends a signal the way a user would, with <c>kill -SIGNAL pid</c>.</summary>
    public static void Send(string signal, int processId)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", processId.ToString(CultureInfo.InvariantCulture)]))!;
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, $"kill -{signal} {processId} exited with {kill.ExitCode}.");
    }

    /// <summary>Sends a signal to every process in a process group, as <c>timeout</c> and CI agents do: <c>kill -SIGNAL -- -PGID</c>.</summary>
    public static void SendToGroup(string signal, int processGroupId)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", "--", $"-{processGroupId.ToString(CultureInfo.InvariantCulture)}"]))!;
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, $"kill -{signal} -- -{processGroupId} exited with {kill.ExitCode}.");
    }

    /// <summary>For failure messages: the process's state and parent from /proc (T is stopped), or that it is gone.</summary>
    public static string Describe(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return $"state {fields[0]}, parent {fields[1]}";
        }
        catch (IOException)
        {
            return "gone";
        }
    }

    /// <summary>Whether the process ignores SIGINT (bit 2 of the SigIgn mask in /proc/PID/status).</summary>
    public static bool IgnoresInterruptSignal(int processId)
    {
        var path = $"/proc/{processId}/status";
        if (!OperatingSystem.IsLinux() || !File.Exists(path))
        {
            return false;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null &&
            (ulong.Parse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << 1)) != 0;
    }

    /// <summary>
    /// Whether <paramref name="processId"/> is a live process whose command line starts with
    /// <paramref name="programName"/>. A zombie (killed, waiting to be reaped by init) counts as gone.
    /// </summary>
    public static bool IsAlive(int processId, string programName)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            var commandLine = File.ReadAllText($"/proc/{processId}/cmdline").Split('\0');
            return state != "Z" && state != "X" && Path.GetFileName(commandLine[0]) == programName;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Polls until the process is gone; false when it is still alive after <paramref name="limit"/>.</summary>
    public static async Task<bool> WaitUntilGoneAsync(int processId, string programName, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (IsAlive(processId, programName))
        {
            if (clock.Elapsed > limit)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    /// <summary>Clean-up after a failed test: kills the process only if it still is the program we expect.</summary>
    public static void KillIfAlive(int processId, string programName)
    {
        if (!IsAlive(processId, programName))
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            process.Kill();
        }
        catch (ArgumentException)
        {
            // Gone in the meantime.
        }
        catch (InvalidOperationException)
        {
            // Gone in the meantime.
        }
    }
}
