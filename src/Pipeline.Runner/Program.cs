using Pipeline;
using Pipeline.Runner.Scripting;

// The script runner: finds build/build.csx, compiles and runs its declarations, then hands the command
// line to the build it declared. Problems with the script itself end with exit code 2, never a stack trace.
var invocation = RunnerArguments.Parse(args);
if (invocation.Error is { } error)
{
    await Console.Error.WriteLineAsync($"error: {error}");
    return ExitCodes.UsageError;
}

var script = invocation.Script!;
var invocationDirectory = AbsolutePath.From(Directory.GetCurrentDirectory());
Directory.SetCurrentDirectory(script.Root);
var build = new Build(AbsolutePath.From(script.Root)) { InvocationDirectory = invocationDirectory };
var loaded = await ScriptLoader.LoadAsync(script, build);
if (loaded != ExitCodes.Success)
{
    return loaded;
}

return await build.RunAsync(invocation.BuildArguments);
