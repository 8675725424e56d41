using System.Reflection;

namespace Pipeline.Runner.Scripting;

/// <summary>
/// The compiled scripts this process has loaded, one collectible <see cref="ScriptLoadContext"/> each. A resident
/// runner keeps a script's context from run to run while its compiled assembly is the same (no load, no JIT on a warm
/// run) and unloads it when the script is compiled anew, so an edited script never runs old code and old code does not
/// pile up. One run at a time uses it (the resident runner runs one build at a time), hence no locking.
/// </summary>
internal static class ScriptAssemblies
{
    private static readonly Dictionary<string, Loaded> ByScript = new(StringComparer.Ordinal);

    /// <summary>The entry point of the cached assembly of the script cached in <paramref name="scriptCache"/>, loaded now or earlier.</summary>
    public static MethodInfo Load(string scriptCache, string assemblyPath, CacheEntry entry)
    {
        if (ByScript.TryGetValue(scriptCache, out var loaded) && loaded.AssemblyPath == assemblyPath && loaded.AssemblyHash == entry.AssemblyHash)
        {
            return loaded.Factory;
        }

        Unload(scriptCache);
        var (context, factory) = LoadInto(entry.PackageAssemblies, context => context.LoadFromAssemblyPath(assemblyPath), entry.EntryType, entry.EntryMethod);
        ByScript[scriptCache] = new Loaded(assemblyPath, entry.AssemblyHash, context, factory);
        return factory;
    }

    /// <summary>A script compiled now that could not be cached: loaded from memory into a context of its own, replacing the script's earlier one.</summary>
    public static MethodInfo Load(string scriptCache, CompiledScript compiled)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        Unload(scriptCache);
        var (context, factory) = LoadInto(
            compiled.PackageAssemblies, context => context.LoadFromStream(new MemoryStream(compiled.Assembly)), compiled.EntryType, compiled.EntryMethod);
        // No file to compare with next time: the next run loads it again.
        ByScript[scriptCache] = new Loaded(string.Empty, string.Empty, context, factory);
        return factory;
    }

    /// <summary>Unloads the context of the script cached in <paramref name="scriptCache"/>, if one is loaded; it goes once nothing uses its types.</summary>
    public static void Unload(string scriptCache)
    {
        if (ByScript.Remove(scriptCache, out var loaded))
        {
            loaded.Context.Unload();
        }
    }

    /// <summary>A new context with the script loaded; one that failed to load (a damaged assembly) is unloaded at once, not left behind.</summary>
    private static (ScriptLoadContext Context, MethodInfo Factory) LoadInto(
        IReadOnlyList<string> packageAssemblies, Func<ScriptLoadContext, Assembly> load, string entryType, string entryMethod)
    {
        var context = new ScriptLoadContext(packageAssemblies);
        try
        {
            return (context, ScriptHost.EntryPoint(load(context), entryType, entryMethod));
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    private sealed record Loaded(string AssemblyPath, string AssemblyHash, ScriptLoadContext Context, MethodInfo Factory);
}
