using System.Reflection;
using System.Runtime.Loader;

namespace Pipeline.Runner.Scripting;

/// <summary>
/// The collectible load context of one compiled script and its package assemblies. Pipeline and the runtime
/// come from the default context (the script's types must be the runner's <see cref="Build"/>); a package
/// assembly the default context cannot provide is loaded here, so unloading the script unloads its packages too.
/// </summary>
internal sealed class ScriptLoadContext : AssemblyLoadContext
{
    private readonly Dictionary<string, string> _packages;

    public ScriptLoadContext(IReadOnlyList<string> packageAssemblies)
        : base("Pipeline build script", isCollectible: true)
    {
        _packages = packageAssemblies.ToDictionary(path => Path.GetFileNameWithoutExtension(path), StringComparer.OrdinalIgnoreCase);
        if (_packages.Count > 0)
        {
            // Resolving runs after the default context had its say: an assembly the runner ships wins, as before.
            Resolving += (context, name) =>
                name.Name is { } simple && _packages.TryGetValue(simple, out var path) ? context.LoadFromAssemblyPath(path) : null;
        }
    }

    // Null: ask the default context first (Pipeline, the runtime, the runner's own dependencies).
    protected override Assembly? Load(AssemblyName assemblyName) => null;
}
