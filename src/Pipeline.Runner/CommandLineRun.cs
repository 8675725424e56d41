using Pipeline.Hosts;
using Pipeline.Runner.Scripting;

namespace Pipeline.Runner;

/// <summary>
/// One build as its command line asks: finds build/build.csx, compiles and runs its declarations, then hands the
/// command line to the build it declared. Problems with the script itself end with exit code 2, never a stack trace.
/// The same for a run in its own process and a run in the resident runner (which first makes the process's
/// environment, current directory and console the client's), so both print the same.
/// </summary>
internal static class CommandLineRun
{
    /// <summary>Runs the build; reads the environment, current directory and console of the process as they are now.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        Func<string, string?> environment = Environment.GetEnvironmentVariable;
        var trace = RunnerTrace.From(environment);
        try
        {
            return await RunAsync(args, environment, trace);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Only a bug in Pipeline gets here: say so plainly, and give the details to whoever asks for them.
            Console.Out.Flush();
            await Console.Error.WriteLineAsync($"error: Pipeline failed unexpectedly: {exception.GetType().Name}: {exception.Message}");
            await Console.Error.WriteLineAsync(trace.Enabled
                ? exception.ToString()
                : "Run again with PIPELINE_TRACE=1 for the details, and please report it.");
            Console.Error.Flush();
            return ExitCodes.InternalError;
        }
        finally
        {
            trace.Finish();
        }
    }

    private static async Task<int> RunAsync(string[] args, Func<string, string?> environment, RunnerTrace trace)
    {
        var invocationDirectory = Directory.GetCurrentDirectory();
        var invocation = RunnerArguments.Parse(args, environment, invocationDirectory);
        if (invocation.Error is { } error)
        {
            await Console.Error.WriteLineAsync($"error: {error}");
            return ExitCodes.UsageError;
        }

        var script = invocation.Script!;
        // Resolved before changing to the repository root: a relative PIPELINE_CACHE is relative to where the user ran the command.
        var context = new RunnerContext(CacheRoot.Resolve(environment, invocationDirectory), trace, new HostEnvironment(environment));
        Directory.SetCurrentDirectory(script.Root);
        if (await ScriptLoader.LoadAsync(script, invocation.HostName, context) is not { } loaded)
        {
            return ExitCodes.UsageError;
        }

        var build = new Build(AbsolutePath.From(script.Root))
        {
            InvocationDirectory = AbsolutePath.From(invocationDirectory),
            ScriptPath = script.DisplayPath(script.Path),
            DefinitionDigest = loaded.DefinitionDigest,
        };
        var declared = await ScriptLoader.DeclareAsync(loaded, build);
        return declared != ExitCodes.Success ? declared : await build.RunAsync(invocation.BuildArguments);
    }
}
