using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Resident;

/// <summary>What the resident runners of a test's folder wrote in their logs: which builds they ran, why they left.</summary>
internal static class ResidentLogs
{
    /// <summary>Every line of every runner log in the folder.</summary>
    public static IReadOnlyList<string> Lines(ResidentRunners runners) =>
        [.. Directory.GetFiles(runners.Directory, "runner-*.log").SelectMany(File.ReadAllLines)];

    /// <summary>How many builds the runners ran (not counting those a busy runner handed back to the client).</summary>
    public static int RunsServed(ResidentRunners runners) => Lines(runners).Count(line => line.Contains("] run in ", StringComparison.Ordinal));

    /// <summary>Waits (a hang guard, not a measure of speed) until no runner listens in the folder; false if one still does.</summary>
    public static async Task<bool> AllGoneAsync(ResidentRunners runners)
    {
        var deadline = DateTime.UtcNow + HangGuard.Default;
        while (runners.Sockets.Count > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
