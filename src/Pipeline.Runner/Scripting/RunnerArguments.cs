namespace Pipeline.Runner.Scripting;

/// <summary>
/// The command line as the runner reads it, in one pass: its own <c>--script PATH</c> (taken out), the CI host
/// named by <c>--host</c> (left in: the build reads it too) and the arguments the build parses. Everything but
/// <c>--script</c> is passed through untouched, so the build's command line has one owner.
/// </summary>
/// <param name="HostName">The name given with <c>--host</c>, as written (known or not); null without one.</param>
internal sealed record RunnerArguments(ScriptLocation? Script, string? HostName, IReadOnlyList<string> BuildArguments, string? Error)
{
    private const string ScriptOption = "--script";
    private const string HostOption = "--host";

    /// <param name="environment">Looks up an environment variable (<c>PIPELINE_SCRIPT</c>).</param>
    /// <param name="currentDirectory">Where the runner was started: relative script paths and the search for the script start here.</param>
    public static RunnerArguments Parse(IReadOnlyList<string> args, Func<string, string?> environment, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var rest = new List<string>();
        string? scriptPath = null;
        string? hostName = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == ScriptOption)
            {
                if (i + 1 >= args.Count)
                {
                    return new RunnerArguments(null, hostName, [], "--script expects the path of a .csx file.");
                }

                scriptPath = args[++i];
                continue;
            }

            if (args[i].StartsWith(ScriptOption + "=", StringComparison.Ordinal))
            {
                scriptPath = args[i][(ScriptOption.Length + 1)..];
                continue;
            }

            // The first --host wins here; the build reports a repeated or unknown one when it parses.
            if (hostName is null)
            {
                hostName = args[i] == HostOption && i + 1 < args.Count ? args[i + 1]
                    : args[i].StartsWith(HostOption + "=", StringComparison.Ordinal) ? args[i][(HostOption.Length + 1)..]
                    : null;
            }

            rest.Add(args[i]);
        }

        scriptPath ??= environment("PIPELINE_SCRIPT") is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        if (scriptPath is not null)
        {
            var fullPath = Path.GetFullPath(scriptPath, currentDirectory);
            return File.Exists(fullPath)
                ? new RunnerArguments(ScriptLocation.For(fullPath), hostName, rest, null)
                : new RunnerArguments(null, hostName, rest, $"The build script '{scriptPath}' does not exist.");
        }

        return ScriptLocation.Find(currentDirectory) is { } found
            ? new RunnerArguments(found, hostName, rest, null)
            : new RunnerArguments(null, hostName, rest, $"No {ScriptLocation.ConventionalPath} here or in any parent folder. Create one, or pass --script PATH.");
    }
}
