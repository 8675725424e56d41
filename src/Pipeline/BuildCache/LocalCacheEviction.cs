namespace Pipeline.BuildCache;

/// <summary>
/// Keeps a <see cref="LocalFolderCache"/> folder under its size cap by removing whole entries, least recently used
/// first (by last-write time, which a hit refreshes), and each blob once no remaining entry names it. Runs after a
/// store, only when the folder is over the cap, so a cache under it costs one directory listing.
/// </summary>
internal static class LocalCacheEviction
{
    /// <summary>
    /// A blob no entry names may belong to a store still in progress in another process (blobs are written before
    /// their entry): it is removed only once it is older than this.
    /// </summary>
    private static readonly TimeSpan StoreInProgress = TimeSpan.FromMinutes(10);

    public static void Run(string folder, long sizeCap)
    {
        var entries = Files(Path.Combine(folder, "ac"));
        var blobs = Files(Path.Combine(folder, "cas"));
        var total = entries.Sum(f => f.Length) + blobs.Sum(f => f.Length);
        if (total <= sizeCap)
        {
            return;
        }

        var now = DateTime.UtcNow;
        var readable = new List<(FileInfo File, string[] Blobs)>();
        foreach (var file in entries)
        {
            if (ReadBlobs(file) is { } named)
            {
                readable.Add((file, named));
            }
            else if (file.LastWriteTimeUtc < now - StoreInProgress)
            {
                // Unreadable, or a temporary file left by a process that died.
                total -= Delete(file);
            }
        }

        var users = readable.SelectMany(e => e.Blobs).GroupBy(b => b, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var blobFiles = blobs.ToDictionary(b => b.Name, StringComparer.Ordinal);
        foreach (var orphan in blobs.Where(b => !users.ContainsKey(b.Name) && b.LastWriteTimeUtc < now - StoreInProgress).OrderBy(b => b.LastWriteTimeUtc))
        {
            total -= Delete(orphan);
        }

        foreach (var (entry, named) in readable.OrderBy(e => e.File.LastWriteTimeUtc))
        {
            if (total <= sizeCap)
            {
                return;
            }

            total -= Delete(entry);
            foreach (var blob in named)
            {
                if (--users[blob] == 0 && blobFiles.TryGetValue(blob, out var file))
                {
                    total -= Delete(file);
                }
            }
        }
    }

    private static List<FileInfo> Files(string folder) =>
        Directory.Exists(folder) ? [.. new DirectoryInfo(folder).EnumerateFiles()] : [];

    private static string[]? ReadBlobs(FileInfo entry)
    {
        try
        {
            return CacheEntryJson.Read(File.ReadAllBytes(entry.FullName)) is { } read
                ? [.. read.Files.Select(f => f.Sha256).Distinct(StringComparer.Ordinal)]
                : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Deletes the file; returns the bytes freed (none when another process got there first).</summary>
    private static long Delete(FileInfo file)
    {
        var length = file.Length;
        try
        {
            file.Delete();
            return length;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
