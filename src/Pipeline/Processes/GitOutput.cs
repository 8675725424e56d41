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

    /// <summary>For synchronous callers (lazy properties a script reads, such as <c>Build.Version</c>).</summary>
    public static string? Read(string repository, params string[] arguments) =>
        BlockingProcess.Run("git", arguments, repository) is { ExitCode: 0 } result ? Answer(result.StandardOutput) : null;

    private static string? Answer(string output) => output.Trim() is { Length: > 0 } answer ? answer : null;
}
