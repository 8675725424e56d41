using System.IO.Hashing;
using System.Text;

namespace Pipeline.Runner.Scripting;

/// <summary>
/// The compiled-script cache. One folder per script, keyed by its path, the runner and DSL builds and
/// the runtime version; inside, <c>entry</c> names the compiled assembly and the content hash of every
/// source file that went into it. A hit needs every hash to match; anything else (an edit, a new
/// runner, a truncated or garbled entry or assembly) is a miss and the script is compiled again.
/// Writes are atomic: the assembly goes into a fresh uniquely named file, then the entry is replaced in
/// one rename, so a reader sees the old entry or the new one, never half of one.
/// </summary>
internal sealed class ScriptCache(string directory)
{
    private const string EntryFileName = "entry";

    public string Directory { get; } = directory;

    /// <summary>The cache folder of one script for this runner, DSL and runtime.</summary>
    public static ScriptCache For(CacheRoot root, string scriptPath)
    {
        ArgumentNullException.ThrowIfNull(root);
        var identity = string.Join(
            '\n',
            scriptPath,
            typeof(ScriptCache).Assembly.ManifestModule.ModuleVersionId,
            typeof(Build).Assembly.ManifestModule.ModuleVersionId,
            Environment.Version);
        var key = Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(identity)));
        return new ScriptCache(Path.Combine(root.Scripts, key));
    }

    /// <summary>The entry when every source still has the content it was compiled from; otherwise null.</summary>
    public CacheEntry? FindCurrent()
    {
        var entry = CacheEntry.Read(Path.Combine(Directory, EntryFileName));
        if (entry is null)
        {
            return null;
        }

        var assembly = Path.Combine(Directory, entry.AssemblyFile);
        return entry.Sources.All(source => File.Exists(source.Path) && ContentHash.Of(source.Path) == source.Hash) &&
            File.Exists(assembly) && ContentHash.Of(assembly) == entry.AssemblyHash &&
            entry.PackageAssemblies.All(File.Exists)
            ? entry
            : null;
    }

    public string AssemblyPath(CacheEntry entry) => Path.Combine(Directory, entry.AssemblyFile);

    /// <summary>Stores a freshly compiled script and makes it the current entry.</summary>
    public CacheEntry Store(CompiledScript compiled)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var assemblyFile = $"script-{Guid.NewGuid():N}.dll";
        var assemblyPath = Path.Combine(Directory, assemblyFile);
        var temporary = assemblyPath + ".tmp";
        File.WriteAllBytes(temporary, compiled.Assembly);
        File.Move(temporary, assemblyPath);

        var entry = new CacheEntry(
            assemblyFile,
            ContentHash.Of(compiled.Assembly),
            compiled.Sources,
            compiled.PackageAssemblies,
            compiled.EntryType,
            compiled.EntryMethod);
        AtomicFile.WriteAllBytes(Path.Combine(Directory, EntryFileName), entry.ToBytes());
        RemoveStaleAssemblies(keep: assemblyFile);
        return entry;
    }

    /// <summary>Best effort: another run may still be using an older assembly (and Windows locks it).</summary>
    private void RemoveStaleAssemblies(string keep)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "script-*"))
        {
            if (Path.GetFileName(file) == keep || File.GetLastWriteTimeUtc(file) > DateTime.UtcNow.AddMinutes(-10))
            {
                continue;
            }

            try
            {
                File.Delete(file);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // In use; the next store tries again.
            }
        }
    }
}
