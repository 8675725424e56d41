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
        if (FramedRecord.ReadBody(path, Header) is not { } body)
        {
            return null;
        }

        string? assemblyFile = null, assemblyHash = null, entryType = null, entryMethod = null;
        var sources = new List<SourceFile>();
        var packages = new List<string>();
        foreach (var line in body)
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
        var text = new StringBuilder()
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

        return Encoding.UTF8.GetBytes(FramedRecord.Frame(Header, text.ToString()));
    }
}

/// <summary>A file that went into a compiled script, and its content hash at compile time.</summary>
internal sealed record SourceFile(string Path, string Hash);
