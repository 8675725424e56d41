using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Pipeline.Client;

/// <summary>
/// Starts a resident runner when none listens: <c>dotnet &lt;runner.dll&gt; --resident &lt;folder&gt; &lt;key&gt;</c>, with this
/// environment and its standard streams on pipes. The runner detaches itself (setsid), listens, then lets go of the
/// pipes; a runner that fails before listening says why on standard error and exits non-zero.
/// </summary>
internal static class RunnerLauncher
{
    /// <summary>Generous: a first start on a busy machine loads the runtime from a cold disk. Not a measure of speed.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>A socket connected to the runner just started (or to the one that won the race to start), or null with why not.</summary>
    public static Socket? StartAndConnect(string dotnet, string runnerAssembly, string directory, string key, string socketPath, out string? why)
    {
        Process process;
        try
        {
            var start = new ProcessStartInfo(dotnet)
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardErrorEncoding = Encoding.UTF8,
                StandardOutputEncoding = Encoding.UTF8,
            };
            start.ArgumentList.Add(runnerAssembly);
            start.ArgumentList.Add("--resident");
            start.ArgumentList.Add(directory);
            start.ArgumentList.Add(key);
            process = Process.Start(start)!;
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or IOException)
        {
            why = $"could not start the resident runner: {exception.Message}";
            return null;
        }

        using (process)
        {
            process.StandardInput.Close();
            // Drained so a chatty runner never blocks on a full pipe; both end when the runner lets go of them or exits.
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                if (RunnerSocket.TryConnect(socketPath, out _, out _) is { } socket)
                {
                    why = null;
                    return socket;
                }

                if (process.HasExited && process.ExitCode != 0)
                {
                    why = $"the resident runner did not start (exit code {process.ExitCode}): {OneLine(Finished(error), Finished(output))}";
                    return null;
                }

                if (deadline.Elapsed > Patience)
                {
                    why = $"the resident runner did not listen on {socketPath} within {Patience.TotalSeconds:0} seconds";
                    return null;
                }

                // Woken early when the runner lets go of its standard error (it listens now) or exits.
                if (error.IsCompleted)
                {
                    Thread.Sleep(PollInterval);
                }
                else
                {
                    Task.WaitAny([error], PollInterval);
                }
            }
        }
    }

    private static string Finished(Task<string> text) => text.Wait(TimeSpan.FromSeconds(5)) ? text.Result : string.Empty;

    private static string OneLine(string error, string output)
    {
        var text = (error.Trim().Length > 0 ? error : output).Trim();
        return text.Length == 0 ? "it said nothing" : string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
