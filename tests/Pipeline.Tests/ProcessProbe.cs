using System.Globalization;

namespace Pipeline.Tests;

/// <summary>Looks at processes through /proc (Linux), where a zombie counts as gone.</summary>
internal static class ProcessProbe
{
    public static async Task<int> ReadPidFileAsync(string path, TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(limit);
        while (true)
        {
            if (File.Exists(path) && int.TryParse(await File.ReadAllTextAsync(path, CancellationToken.None), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
            {
                return pid;
            }

            await Task.Delay(50, deadline.Token);
        }
    }

    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");

            // The state follows the parenthesised command name: "1234 (sleep) S ...".
            var state = stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault();
            return state is not ('Z' or 'X');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>True once the process is gone; false if it is still alive when <paramref name="limit"/> passes.</summary>
    public static async Task<bool> WaitForExitAsync(int pid, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (IsAlive(pid))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    public static void Kill(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
