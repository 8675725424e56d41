using System.Reflection;
using Pipeline.Execution;

namespace Pipeline.Runner.Scripting;

/// <summary>
/// Gets a script's declarations into a <see cref="Build"/>: from the compiled-script cache when every source
/// is unchanged (Roslyn is never loaded then), otherwise by compiling and caching it first. Two steps, so the
/// build can be made knowing the script's <see cref="LoadedScript.DefinitionDigest"/>.
/// </summary>
internal static class ScriptLoader
{
    /// <summary>The compiled script, from the cache or compiled now; null once the errors that stop it are printed.</summary>
    /// <param name="hostName">The name given with <c>--host</c>, if any: compile errors are annotated for that host.</param>
    public static async Task<LoadedScript?> LoadAsync(ScriptLocation location, string? hostName, RunnerContext context)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(context);
        var cache = ScriptCache.For(context.Cache, location.Path);
        var entry = cache.FindCurrent();
        context.Trace.Write(entry is null ? "cache miss, compiling" : "cache hit", cache.Directory);
        MethodInfo? factory = null;
        IReadOnlyList<SourceFile> sources = [];
        if (entry is not null)
        {
            try
            {
                factory = ScriptAssemblies.Load(cache.Directory, cache.AssemblyPath(entry), entry);
                sources = entry.Sources;
            }
            catch (Exception exception) when (exception is BadImageFormatException or FileLoadException or TypeLoadException)
            {
                // A damaged entry is a miss: compile again below.
                context.Trace.Write($"cache entry unusable ({exception.GetType().Name}), compiling", cache.Directory);
            }
        }

        if (factory is null)
        {
            var (compiled, errors) = await ScriptCompiler.CompileAsync(location, context);
            if (compiled is null)
            {
                foreach (var error in errors)
                {
                    await Console.Error.WriteLineAsync(error.ToString());
                }

                RunnerHost.Annotate(RunnerHost.From(hostName, context.Environment), context.Environment, errors);

                return null;
            }

            factory = StoreAndLoad(cache, compiled);
            sources = compiled.Sources;
        }

        var digest = ScriptDefinition.Digest(location, sources);
        context.Trace.Write($"definition digest {digest}", location.DisplayPath(location.Path));
        return new LoadedScript(factory, digest);
    }

    /// <summary>Runs the script's declarations against <paramref name="build"/>; a script that throws is a usage error.</summary>
    public static async Task<int> DeclareAsync(LoadedScript script, Build build)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(build);
        try
        {
            await ScriptHost.RunAsync(script.Factory, build);
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
            return ScriptAssemblies.Load(cache.Directory, cache.AssemblyPath(entry), entry);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(
                $"warning: could not write the script cache in {cache.Directory} ({exception.Message}); the script will be compiled on every run. Set PIPELINE_CACHE to a writable folder.");
            return ScriptAssemblies.Load(cache.Directory, compiled);
        }
    }
}
