using System.Reflection;
using Pipeline.Execution;

namespace Pipeline.Runner.Scripting;

/// <summary>
/// Gets a script's declarations into a <see cref="Build"/>: from the compiled-script cache when every source
/// is unchanged (Roslyn is never loaded then), otherwise by compiling and caching it first.
/// </summary>
internal static class ScriptLoader
{
    private static int _tracingExit;

    public static async Task<int> LoadAsync(ScriptLocation location, Build build, IReadOnlyList<string> buildArguments)
    {
        var cache = ScriptCache.For(location.Path);
        var entry = cache.FindCurrent();
        Trace(entry is null ? "cache miss, compiling" : "cache hit", cache.Directory);
        MethodInfo? factory = null;
        if (entry is not null)
        {
            try
            {
                factory = ScriptHost.Load(cache.AssemblyPath(entry), entry);
            }
            catch (Exception exception) when (exception is BadImageFormatException or FileLoadException or TypeLoadException)
            {
                // A damaged entry is a miss: compile again below.
                Trace($"cache entry unusable ({exception.GetType().Name}), compiling", cache.Directory);
            }
        }

        if (factory is null)
        {
            var (compiled, errors) = await ScriptCompiler.CompileAsync(location);
            if (compiled is null)
            {
                foreach (var error in errors)
                {
                    await Console.Error.WriteLineAsync(error.ToString());
                }

                RunnerHost.Annotate(RunnerHost.From(buildArguments), errors);

                return ExitCodes.UsageError;
            }

            factory = StoreAndLoad(cache, compiled);
        }

        try
        {
            await ScriptHost.RunAsync(factory, build);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            await Console.Error.WriteLineAsync($"error: the build script failed while declaring its targets: {new FailureMessage(build.Root, new Secrets.SecretMasker()).Of(exception)}");
            return ExitCodes.UsageError;
        }

        return ExitCodes.Success;
    }

    /// <summary>Caches the compiled script; a cache that cannot be written costs speed, never the build.</summary>
    private static MethodInfo StoreAndLoad(ScriptCache cache, CompiledScript compiled)
    {
        try
        {
            var entry = cache.Store(compiled);
            return ScriptHost.Load(cache.AssemblyPath(entry), entry);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(
                $"warning: could not write the script cache in {cache.Directory} ({exception.Message}); the script will be compiled on every run. Set PIPELINE_CACHE to a writable folder.");
            return ScriptHost.Load(compiled);
        }
    }

    /// <summary><c>PIPELINE_TRACE=1</c> tells whether the caches (script, packages) were used and, at exit, which assemblies were loaded.</summary>
    public static void Trace(string what, string where)
    {
        if (Environment.GetEnvironmentVariable("PIPELINE_TRACE") != "1")
        {
            return;
        }

        Console.Error.WriteLine($"pipeline: {what} ({where})");
        if (Interlocked.Exchange(ref _tracingExit, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Console.Error.WriteLine(
            $"pipeline: loaded assemblies: {string.Join(", ", AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Order(StringComparer.Ordinal))}");
    }
}
