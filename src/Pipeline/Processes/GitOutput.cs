using System.ComponentModel;
using System.Diagnostics;

namespace Pipeline.Processes;

/// <summary>Asks git one question: the trimmed output, or null when git is missing, fails, or says nothing.</summary>
internal static class GitOutput
{
    /// <summary>For async paths (delivery): cancelled with the run, the process tree killed.</summary>
    public static async Task<string?> ReadAsync(string repository, CancellationToken cancellationToken, params string[] arguments)
    {
        try
        {
            var result = await Cmd.RunAsync("git", arguments, new CommandOptions { WorkingDirectory = repository, Quiet = true, AllowNonZeroExitCode = true }, cancellationToken)
                .ConfigureAwait(false);
            return result.ExitCode == 0 ? Answer(result.StandardOutput) : null;
        }
        catch (CommandFailedException)
        {
            return null;
        }
    }

    /// <summary>
    /// For synchronous callers (lazy properties a script reads, such as <c>Build.Version</c>): a plain process read
    /// to its end, so no thread blocks on a task.
    /// </summary>
    public static string? Read(string repository, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            // Standard error is drained on its own so a chatty git cannot fill the pipe and stall on it.
            git.ErrorDataReceived += (_, _) => { };
            git.BeginErrorReadLine();
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 ? Answer(output) : null;
        }
        catch (Exception exception) when (exception is Win32Exception or InvalidOperationException or IOException)
        {
            // No git on PATH, or a working directory that is gone.
            return null;
        }
    }

    private static string? Answer(string output) => output.Trim() is { Length: > 0 } answer ? answer : null;
}
