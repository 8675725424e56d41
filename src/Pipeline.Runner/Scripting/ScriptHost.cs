using System.Reflection;
using System.Runtime.Loader;

namespace Pipeline.Runner.Scripting;

/// <summary>
/// Runs a cached script assembly without Roslyn: loads it, lets it find its package assemblies, and calls
/// the factory Roslyn generates for a script submission with the <see cref="Build"/> as its globals.
/// </summary>
internal static class ScriptHost
{
    /// <summary>Loads the script's entry point; throws <see cref="BadImageFormatException"/> for a damaged file.</summary>
    public static MethodInfo Load(string assemblyPath, CacheEntry entry) =>
        Load(() => AssemblyLoadContext.Default.LoadFromAssemblyPath(assemblyPath), entry.PackageAssemblies, entry.EntryType, entry.EntryMethod);

    /// <summary>Loads a compiled script straight from memory: for when the cache cannot be written.</summary>
    public static MethodInfo Load(CompiledScript compiled)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        return Load(
            () => AssemblyLoadContext.Default.LoadFromStream(new MemoryStream(compiled.Assembly)),
            compiled.PackageAssemblies,
            compiled.EntryType,
            compiled.EntryMethod);
    }

    private static MethodInfo Load(Func<Assembly> loadAssembly, IReadOnlyList<string> packageAssemblies, string entryType, string entryMethod)
    {
        var packages = packageAssemblies.ToDictionary(path => Path.GetFileNameWithoutExtension(path), StringComparer.OrdinalIgnoreCase);
        if (packages.Count > 0)
        {
            AssemblyLoadContext.Default.Resolving += (context, name) =>
                name.Name is { } simple && packages.TryGetValue(simple, out var path) ? context.LoadFromAssemblyPath(path) : null;
        }

        var type = TypeOrNull(loadAssembly(), entryType);
        return type?.GetMethod(entryMethod, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new BadImageFormatException($"The compiled script has no method {entryType}.{entryMethod}.");
    }

    private static Type? TypeOrNull(Assembly assembly, string name)
    {
        try
        {
            return assembly.GetType(name, throwOnError: false);
        }
        catch (ArgumentException)
        {
            // A garbled name in a damaged entry.
            return null;
        }
    }

    /// <summary>Runs the script's top-level statements: its declarations.</summary>
    public static async Task RunAsync(MethodInfo factory, Build build)
    {
        // Slot 0 holds the globals; each submission stores itself in the next slot. A build script is one submission.
        object?[] submissions = [build, null];
        if (factory.Invoke(null, [submissions]) is Task task)
        {
            await task.ConfigureAwait(false);
        }
    }
}
