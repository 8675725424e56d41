using System.Diagnostics;
using System.Globalization;

namespace Pipeline.EndToEnd.Tests.Infrastructure;

/// <summary>Signals, sent as a user or a CI agent would (the Ctrl+C tests run on Linux); process state is <see cref="ProcessProbe"/>.</summary>
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
}
