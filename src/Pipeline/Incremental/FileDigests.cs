namespace Pipeline.Incremental;

// PLACEHOLDER (helper A replaces this file).
internal sealed record DigestResult(IReadOnlyDictionary<string, FileDigest> Digests, int Hashed);

internal static class FileDigests
{
    public static DigestResult Compute(string root, IReadOnlyList<string> relativePaths, IReadOnlyDictionary<string, FileDigest>? hints, DateTimeOffset? hintsTakenAt)
    {
        var digests = new Dictionary<string, FileDigest>(StringComparer.Ordinal);
        var hashed = 0;
        foreach (var path in relativePaths)
        {
            var info = new FileInfo(Path.Combine(root, path));
            if (!info.Exists)
            {
                continue;
            }

            var ticks = info.LastWriteTimeUtc.Ticks;
            if (hints?.GetValueOrDefault(path) is { } hint && hint.Size == info.Length && hint.ModifiedTicks == ticks && hintsTakenAt is { } taken && ticks < taken.UtcTicks - TimeSpan.TicksPerSecond * 2)
            {
                digests[path] = hint;
                continue;
            }

            hashed++;
            digests[path] = new FileDigest(Files.Checksums.Sha256(info.FullName), info.Length, ticks);
        }

        return new DigestResult(digests, hashed);
    }
}
