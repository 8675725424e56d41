namespace Pipeline.Runner.Scripting;

/// <summary>
/// Splits the runner's own <c>--script PATH</c> from the arguments the build parses. Everything else is
/// passed through untouched, so the build's command line has one owner.
/// </summary>
internal sealed record RunnerArguments(ScriptLocation? Script, IReadOnlyList<string> BuildArguments, string? Error)
{
    public static RunnerArguments Parse(IReadOnlyList<string> args)
    {
        var rest = new List<string>();
        string? scriptPath = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--script")
            {
                if (i + 1 >= args.Count)
                {
                    return new RunnerArguments(null, [], "--script expects the path of a .csx file.");
                }

                scriptPath = args[++i];
            }
            else if (args[i].StartsWith("--script=", StringComparison.Ordinal))
            {
                scriptPath = args[i]["--script=".Length..];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        scriptPath ??= Environment.GetEnvironmentVariable("PIPELINE_SCRIPT") is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        if (scriptPath is not null)
        {
            return File.Exists(scriptPath)
                ? new RunnerArguments(ScriptLocation.For(scriptPath), rest, null)
                : new RunnerArguments(null, rest, $"The build script '{scriptPath}' does not exist.");
        }

        return ScriptLocation.Find(Directory.GetCurrentDirectory()) is { } found
            ? new RunnerArguments(found, rest, null)
            : new RunnerArguments(null, rest, $"No {ScriptLocation.ConventionalPath} here or in any parent folder. Create one, or pass --script PATH.");
    }
}
