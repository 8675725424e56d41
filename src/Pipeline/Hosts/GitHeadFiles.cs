using System.IO.Compression;
using System.Text;

namespace Pipeline.Hosts;

/// <summary>
/// What HEAD is (commit, branch, the tag on it) read from the repository's files instead of from three <c>git</c>
/// processes, which cost every local run about 50 ms (the run report names what was built). Only what the files
/// say for certain is answered: a linked worktree, a reftable repository, an unborn branch, or a tag that may be an
/// annotated tag kept in a pack leave the answer to <c>git</c> (null, or <see cref="GitHeadFacts.TagKnown"/> false).
/// </summary>
internal static class GitHeadFiles
{
    // Loose annotated tags are opened to see what they point at; past this many, asking git is cheaper.
    private const int MaxTagObjectsOpened = 32;

    public static GitHeadFacts? Read(string repository)
    {
        var gitDirectory = Path.Combine(repository, ".git");
        if (Environment.GetEnvironmentVariable("GIT_DIR") is { Length: > 0 } || Environment.GetEnvironmentVariable("GIT_WORK_TREE") is { Length: > 0 })
        {
            return null; // git would read another repository than the files here
        }

        try
        {
            if (!Directory.Exists(gitDirectory) || ReadText(Path.Combine(gitDirectory, "config")) is not { } config ||
                config.Contains("refstorage", StringComparison.OrdinalIgnoreCase) || ReadText(Path.Combine(gitDirectory, "HEAD")) is not { } head)
            {
                return null;
            }

            var packed = PackedRefs.Read(gitDirectory);
            string? branch = null;
            string? commit;
            if (head.StartsWith("ref: ", StringComparison.Ordinal))
            {
                var reference = head["ref: ".Length..];
                if (!reference.StartsWith("refs/heads/", StringComparison.Ordinal))
                {
                    return null;
                }

                branch = reference["refs/heads/".Length..];
                commit = ReadText(Path.Combine(gitDirectory, reference)) ?? packed.Find(reference)?.Value;
            }
            else
            {
                commit = head;
            }

            if (commit is null || !IsObjectName(commit))
            {
                return null;
            }

            var tags = TagsOn(gitDirectory, commit, packed, out var certain);
            return new GitHeadFacts(commit, branch, certain && tags.Count <= 1, tags.Count == 1 ? tags[0] : null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null;
        }
    }

    private static List<string> TagsOn(string gitDirectory, string commit, PackedRefs packed, out bool certain)
    {
        certain = true;
        var tags = new List<string>();
        var loose = new HashSet<string>(StringComparer.Ordinal);
        var tagFolder = Path.Combine(gitDirectory, "refs", "tags");
        var opened = 0;
        if (Directory.Exists(tagFolder))
        {
            foreach (var file in Directory.EnumerateFiles(tagFolder, "*", SearchOption.AllDirectories))
            {
                var name = Path.GetRelativePath(tagFolder, file).Replace('\\', '/');
                loose.Add(name);
                var target = ReadText(file);
                if (target == commit)
                {
                    tags.Add(name);
                }
                else if (target is null || !IsObjectName(target) || ++opened > MaxTagObjectsOpened || TagObjectTarget(gitDirectory, target) is not { } tagged)
                {
                    certain = false;
                }
                else if (tagged == commit)
                {
                    tags.Add(name);
                }
            }
        }

        foreach (var entry in packed.Tags)
        {
            if (loose.Contains(entry.Name))
            {
                continue;
            }

            if (entry.Value == commit || entry.Peeled == commit)
            {
                tags.Add(entry.Name);
            }
            else if (entry.Peeled is null && !packed.FullyPeeled)
            {
                certain = false;
            }
        }

        return tags;
    }

    /// <summary>For a loose object: what it tags when it is an annotated tag, its own name when it is anything else; null when it is packed.</summary>
    private static string? TagObjectTarget(string gitDirectory, string name)
    {
        var file = Path.Combine(gitDirectory, "objects", name[..2], name[2..]);
        if (!File.Exists(file))
        {
            return null;
        }

        using var stream = new ZLibStream(File.OpenRead(file), CompressionMode.Decompress);
        var buffer = new byte[512];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var text = Encoding.ASCII.GetString(buffer, 0, read);
        if (!text.StartsWith("tag ", StringComparison.Ordinal))
        {
            return name;
        }

        // "tag <size>\0object <name>\ntype commit\n..."
        var body = text[(text.IndexOf('\0', StringComparison.Ordinal) + 1)..];
        return body.StartsWith("object ", StringComparison.Ordinal) && body.IndexOf('\n', StringComparison.Ordinal) is > 0 and var end
            ? body["object ".Length..end]
            : null;
    }

    private static string? ReadText(string file) => File.Exists(file) ? File.ReadAllText(file).Trim() : null;

    private static bool IsObjectName(string text) => text.Length is 40 or 64 && text.All(char.IsAsciiHexDigitLower);

    /// <summary>The <c>packed-refs</c> file: each ref's object, and for annotated tags the commit it peels to.</summary>
    /// <remarks>Plain classes and loops: generic code over value types would be compiled on every run.</remarks>
    private sealed class PackedRefs
    {
        private readonly Dictionary<string, PackedRef> _refs = new(StringComparer.Ordinal);

        /// <summary>The file says every tag that can be peeled has its <c>^</c> line: no line means a lightweight tag.</summary>
        public bool FullyPeeled { get; private set; }

        /// <summary>The tags, named without <c>refs/tags/</c>.</summary>
        public List<PackedRef> Tags { get; } = [];

        public static PackedRefs Read(string gitDirectory)
        {
            var packed = new PackedRefs();
            var file = Path.Combine(gitDirectory, "packed-refs");
            if (!File.Exists(file))
            {
                return packed;
            }

            PackedRef? last = null;
            foreach (var line in File.ReadLines(file))
            {
                if (line.StartsWith('#'))
                {
                    packed.FullyPeeled = line.Contains(" fully-peeled", StringComparison.Ordinal);
                }
                else if (line.StartsWith('^') && last is not null)
                {
                    last.Peeled = line[1..].Trim();
                }
                else if (line.IndexOf(' ', StringComparison.Ordinal) is > 0 and var space)
                {
                    var name = line[(space + 1)..].Trim();
                    last = new PackedRef(name.StartsWith("refs/tags/", StringComparison.Ordinal) ? name["refs/tags/".Length..] : name, line[..space]);
                    packed._refs[name] = last;
                    if (name.StartsWith("refs/tags/", StringComparison.Ordinal))
                    {
                        packed.Tags.Add(last);
                    }
                }
            }

            return packed;
        }

        public PackedRef? Find(string name) => _refs.GetValueOrDefault(name);
    }

    private sealed class PackedRef(string name, string value)
    {
        public string Name { get; } = name;

        public string Value { get; } = value;

        public string? Peeled { get; set; }
    }
}

/// <summary>HEAD as the files say it: the commit, the branch (null when detached), and the one tag on it if <see cref="TagKnown"/>.</summary>
internal sealed record GitHeadFacts(string Commit, string? Branch, bool TagKnown, string? Tag);
