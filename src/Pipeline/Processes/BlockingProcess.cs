using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Pipeline.Processes;

/// <summary>
/// Runs a short program to its end for a synchronous caller (a lazy property a script reads, a CI host's agent
/// command): a plain process read, so no thread blocks on a task. Async paths use <see cref="Cmd"/>.
/// </summary>
internal static class BlockingProcess
{
    /// <summary>The exit code and output, or null when the program could not be started (not on PATH, no such folder).</summary>
    /// <param name="environment">Variables to set (a null value removes one) on top of this process's own.</param>
    public static BlockingProcessResult? Run(string program, IReadOnlyList<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory ?? string.Empty,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            // Standard error is drained on its own so a chatty program cannot fill the pipe and stall on it.
            var error = new StringBuilder();
            process.ErrorDataReceived += (_, line) =>
            {
                lock (error)
                {
                    error.AppendLine(line.Data);
                }
            };
            process.BeginErrorReadLine();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            lock (error)
            {
                return new BlockingProcessResult(process.ExitCode, output, error.ToString());
            }
        }
        catch (Exception exception) when (exception is Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}

internal sealed record BlockingProcessResult(int ExitCode, string StandardOutput, string StandardError);
