using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Bench;

/// <summary>
/// Probe mode, <c>--probe-rss -- COMMAND [ARGS...]</c>: starts the command with this process's standard streams,
/// waits for it, then prints one line with its exit code and peak RSS. Only this probe's own child counts
/// (RUSAGE_CHILDREN), so every measurement is a process of its own, isolated from the harness and other runs.
/// A script that <c>exec</c>s its program (build.sh does) is measured as that program: exec keeps the process.
/// </summary>
internal static partial class RssProbe
{
    public const string Option = "--probe-rss";

    private const string Prefix = "pipeline-bench-probe:";

    public static int Run(IReadOnlyList<string> args)
    {
        var separator = args.ToList().IndexOf("--");
        if (separator < 0 || separator + 1 >= args.Count)
        {
            Console.Error.WriteLine($"error: usage: {Option} -- COMMAND [ARGS...]");
            return 2;
        }

        var start = new ProcessStartInfo(args[separator + 1]) { UseShellExecute = false };
        foreach (var argument in args.Skip(separator + 2))
        {
            start.ArgumentList.Add(argument);
        }

        int exitCode;
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
            process.WaitForExit();
            exitCode = process.ExitCode;
        }
        catch (Win32Exception exception)
        {
            Console.Error.WriteLine($"error: {start.FileName} could not start: {exception.Message}");
            return 127;
        }

        // The child has been waited for (reaped), so its peak is now part of RUSAGE_CHILDREN.
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Prefix} exit-code={exitCode} maxrss-kib={NativeMethods.ChildrenPeakRssKiB()}"));
        return exitCode;
    }

    /// <summary>The probed command's exit code and peak RSS in KiB, from the probe's output; null if it printed none.</summary>
    public static (int ExitCode, long PeakKiB)? ParseResult(string output)
    {
        var match = ResultLine().Matches(output).LastOrDefault();
        return match is null
            ? null
            : (int.Parse(match.Groups["exit"].Value, CultureInfo.InvariantCulture), long.Parse(match.Groups["rss"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^pipeline-bench-probe: exit-code=(?<exit>-?\d+) maxrss-kib=(?<rss>\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ResultLine();
}
