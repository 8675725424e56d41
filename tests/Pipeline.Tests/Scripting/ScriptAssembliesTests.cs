using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Pipeline.Runner.Scripting;

namespace Pipeline.Tests.Scripting;

/// <summary>A resident runner keeps a compiled script loaded while it is unchanged, and lets go of it when it changes.</summary>
public sealed class ScriptAssembliesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pipeline-script-assemblies-").FullName;

    [Fact]
    public void An_unchanged_script_is_loaded_once_in_a_collectible_context_of_its_own()
    {
        var (path, entry) = Compile("first", 1);

        var factory = ScriptAssemblies.Load(_directory, path, entry);
        var again = ScriptAssemblies.Load(_directory, path, entry);

        Assert.Same(factory, again);
        var context = AssemblyLoadContext.GetLoadContext(factory.DeclaringType!.Assembly)!;
        Assert.True(context.IsCollectible);
        Assert.NotSame(AssemblyLoadContext.Default, context);
        Assert.Equal(1, factory.Invoke(null, null));
        ScriptAssemblies.Unload(_directory);
    }

    [Fact]
    public void A_script_compiled_anew_replaces_the_old_one_whose_context_is_unloaded()
    {
        var (firstPath, firstEntry) = Compile("first", 1);
        var old = LoadAndForget(firstPath, firstEntry);

        var (secondPath, secondEntry) = Compile("second", 2);
        var factory = ScriptAssemblies.Load(_directory, secondPath, secondEntry);

        Assert.Equal(2, factory.Invoke(null, null));
        for (var attempt = 0; attempt < 100 && old.IsAlive; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(old.IsAlive, "the old script's load context was not unloaded");
        ScriptAssemblies.Unload(_directory);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // Not inlined: no reference to the old context may stay on this test's stack.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private WeakReference LoadAndForget(string path, CacheEntry entry)
    {
        var factory = ScriptAssemblies.Load(_directory, path, entry);
        Assert.Equal(1, factory.Invoke(null, null));
        return new WeakReference(AssemblyLoadContext.GetLoadContext(factory.DeclaringType!.Assembly));
    }

    /// <summary>A real assembly whose entry point returns <paramref name="value"/>, as the script cache would hold it.</summary>
    private (string Path, CacheEntry Entry) Compile(string name, int value)
    {
        var tree = CSharpSyntaxTree.ParseText($"public static class Script {{ public static object Factory() => {value}; }}");
        var compilation = CSharpCompilation.Create(
            $"script-{name}",
            [tree],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "System.Runtime.dll"))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(_directory, $"script-{name}.dll");
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join('\n', emitted.Diagnostics));
        return (path, new CacheEntry(Path.GetFileName(path), name, [], [], "Script", "Factory"));
    }
}
