using Pipeline;
using Pipeline.Runner.Scripting;

// The script runner: finds build/build.csx, compiles and runs its declarations, then hands the command
// line to the build it declared. Problems with the script itself end with exit code 2, never a stack trace.
try
{
    return await RunAsync(args);
}
catch (Exception exception) when (exception is not OutOfMemoryException)
{
    // Only a bug in Pipeline gets here: say so plainly, and give the details to whoever asks for them.
    Console.Out.Flush();
    await Console.Error.WriteLineAsync($"error: Pipeline failed unexpectedly: {exception.GetType().Name}: {exception.Message}");
    await Console.Error.WriteLineAsync(Environment.GetEnvironmentVariable("PIPELINE_TRACE") == "1"
        ? exception.ToString()
        : "Run again with PIPELINE_TRACE=1 for the details, and please report it.");
    Console.Error.Flush();
    return ExitCodes.InternalError;
}

static async Task<int> RunAsync(string[] args)
{
    var invocation = RunnerArguments.Parse(args);
    if (invocation.Error is { } error)
    {
        await Console.Error.WriteLineAsync($"error: {error}");
        return ExitCodes.UsageError;
    }

    var script = invocation.Script!;
    _ = ScriptCache.Root;
    var invocationDirectory = AbsolutePath.From(Directory.GetCurrentDirectory());
    Directory.SetCurrentDirectory(script.Root);
    var build = new Build(AbsolutePath.From(script.Root)) { InvocationDirectory = invocationDirectory };
    var loaded = await ScriptLoader.LoadAsync(script, build, invocation.BuildArguments);
    return loaded != ExitCodes.Success ? loaded : await build.RunAsync(invocation.BuildArguments);
}
