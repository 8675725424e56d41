namespace Pipeline.Processes;

/// <summary>Asks git one question: the trimmed output, or null when git is missing, fails, or says nothing.</summary>
internal static class GitOutput
{
    public static string? Read(string repository, params string[] arguments)
    {
        try
        {
            var result = Cmd.RunAsync("git", arguments, new CommandOptions { WorkingDirectory = repository, Quiet = true, AllowNonZeroExitCode = true })
                .GetAwaiter().GetResult();
            return result.ExitCode == 0 && result.StandardOutput.Trim() is { Length: > 0 } output ? output : null;
        }
        catch (CommandFailedException)
        {
            return null;
        }
    }
}
