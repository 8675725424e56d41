using System.Globalization;

namespace Pipeline.Processes;

/// <summary>
/// Every process below the runner, found in <c>/proc</c> (Linux only; elsewhere these are no-ops and each
/// command's own tree kill is all there is). While a build runs, the runner adopts orphaned descendants, so a
/// grandchild whose parent died (of the same Ctrl+C, say) is still ours to kill when the run is cancelled.
/// </summary>
internal static class DescendantProcesses
{
    // Each sweep kills what it found; a process forked during a sweep is found by the next one.
    private const int MaxSweeps = 20;

    // Processes of earlier runs of a resident runner (SetAside); replaced whole, so a sweep reads one consistent set.
    private static volatile HashSet<int> SetAsideProcesses = [];

    /// <summary>Orphans of our children are re-parented to the runner, not to init, for the rest of this process.</summary>
    public static void AdoptOrphans()
    {
        if (OperatingSystem.IsLinux())
        {
            LinuxProcessCalls.BecomeSubreaper();
        }
    }

    /// <summary>
    /// Kills (SIGKILL) every live process below the runner, sweeping until none is left. Nothing is stopped
    /// first, so nothing can be left stopped, and SIGKILL also ends a process another tree kill had stopped.
    /// </summary>
    public static void KillAll()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var setAside = SetAsideProcesses;
        for (var sweep = 0; sweep < MaxSweeps; sweep++)
        {
            var alive = LiveDescendantsOf(Environment.ProcessId, setAside);
            if (alive.Count == 0)
            {
                return;
            }

            foreach (var processId in alive)
            {
                LinuxProcessCalls.Send(processId, LinuxProcessCalls.SignalKill);
            }
        }
    }

    /// <summary>
    /// The resident runner, after each run: the processes below it now (a build server a target started, say) belong to
    /// earlier runs, so <see cref="KillAll"/> leaves them and everything they start alone. A run in its own process ends
    /// instead, and its orphans go to init.
    /// </summary>
    internal static void SetAside()
    {
        if (OperatingSystem.IsLinux())
        {
            SetAsideProcesses = [.. LiveDescendantsOf(Environment.ProcessId)];
        }
    }

    /// <summary>
    /// The descendants of <paramref name="root"/> that are not zombies, from one read of <c>/proc</c>; none of the
    /// <paramref name="excluded"/> processes nor anything below them.
    /// </summary>
    internal static List<int> LiveDescendantsOf(int root, IReadOnlySet<int>? excluded = null)
    {
        var children = new Dictionary<int, List<int>>();
        var zombies = new HashSet<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var processId) ||
                ReadStat(directory) is not { } stat)
            {
                continue;
            }

            if (!children.TryGetValue(stat.ParentId, out var siblings))
            {
                children[stat.ParentId] = siblings = [];
            }

            siblings.Add(processId);
            if (stat.State is 'Z' or 'X')
            {
                zombies.Add(processId);
            }
        }

        var found = new List<int>();
        var pending = new Queue<int>([root]);
        while (pending.TryDequeue(out var parent))
        {
            foreach (var child in children.GetValueOrDefault(parent) ?? [])
            {
                if (excluded?.Contains(child) == true)
                {
                    continue;
                }

                pending.Enqueue(child);
                if (!zombies.Contains(child))
                {
                    found.Add(child);
                }
            }
        }

        return found;
    }

    /// <summary>State and parent from <c>/proc/PID/stat</c>: "pid (comm) S ppid ...", where comm may hold spaces and parentheses.</summary>
    private static (char State, int ParentId)? ReadStat(string directory)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(directory, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ', 3);
            return (fields[0][0], int.Parse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            // The process ended while we looked.
            return null;
        }
    }
}
