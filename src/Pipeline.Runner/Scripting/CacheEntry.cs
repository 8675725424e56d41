using System.Text;

namespace Pipeline.Runner.Scripting;

/// <summary>
/// What the cache keeps for one compiled script: the assembly's file and fingerprint, every source file
/// that went into it with its fingerprint, the package assemblies it needs at run time, and where it starts.
/// Stored as a few plain lines, read without any serializer on the warm path:
/// <code>
/// pipeline-script-cache 1
/// assembly script-….dll 5f3c…
/// entry Submission#0 &lt;Factory&gt;
/// source 9ab1… /repo/build/build.csx
/// package /home/me/.cache/pipeline/packages/…/Humanizer.dll
/// </code>
/// </summary>
internal sealed record CacheEntry(
    string AssemblyFile,
    string AssemblyHash,
    IReadOnlyList<SourceFile> Sources,
    IReadOnlyList<string> PackageAssemblies,
    string EntryType,
    string EntryMethod)
{
    private const string Header = "pipeline-script-cache 1";

    /// <summary>The entry, or null when the file is missing, truncated or not an entry.</summary>
    public static CacheEntry? Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (lines.Length < 4 || lines[0] != Header || lines[^1] != "end")
        {
            return null;
        }

        string? assemblyFile = null, assemblyHash = null, entryType = null, entryMethod = null;
        var sources = new List<SourceFile>();
        var packages = new List<string>();
        foreach (var line in lines[1..^1])
        {
            var parts = line.Split(' ', 3);
            switch (parts)
            {
                case ["assembly", var file, var hash]:
                    (assemblyFile, assemblyHash) = (file, hash);
                    break;
                case ["entry", var type, var method]:
                    (entryType, entryMethod) = (type, method);
                    break;
                case ["source", var hash, var sourcePath]:
                    sources.Add(new SourceFile(sourcePath, hash));
                    break;
                case ["package", _, _] or ["package", _]:
                    packages.Add(line["package ".Length..]);
                    break;
                default:
                    return null;
            }
        }

        return assemblyFile is null || assemblyHash is null || entryType is null || entryMethod is null || sources.Count == 0
            ? null
            : new CacheEntry(assemblyFile, assemblyHash, sources, packages, entryType, entryMethod);
    }

    public byte[] ToBytes()
    {
        var text = new StringBuilder().Append(Header).Append('\n')
            .Append($"assembly {AssemblyFile} {AssemblyHash}\n")
            .Append($"entry {EntryType} {EntryMethod}\n");
        foreach (var source in Sources)
        {
            text.Append($"source {source.Hash} {source.Path}\n");
        }

        foreach (var package in PackageAssemblies)
        {
            text.Append($"package {package}\n");
        }

        // The last line proves the entry was written whole.
        return Encoding.UTF8.GetBytes(text.Append("end\n").ToString());
    }
}

/// <summary>A file that went into a compiled script, and its content hash at compile time.</summary>
internal sealed record SourceFile(string Path, string Hash);
