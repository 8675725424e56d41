using System.Reflection;

namespace Pipeline.Runner.Scripting;

/// <summary>
/// Runs a compiled script without Roslyn: finds the factory Roslyn generates for a script submission (the assembly
/// is loaded by <see cref="ScriptAssemblies"/>) and calls it with the <see cref="Build"/> as its globals.
/// </summary>
internal static class ScriptHost
{
    /// <summary>The script's entry point; throws <see cref="BadImageFormatException"/> for a damaged assembly.</summary>
    public static MethodInfo EntryPoint(Assembly assembly, string entryType, string entryMethod)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var type = TypeOrNull(assembly, entryType);
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
