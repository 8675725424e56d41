namespace Pipeline.BuildCache;

/// <summary>
/// Keeps a <see cref="LocalFolderCache"/> folder under its size cap by removing whole entries, least recently used
/// first (by last-write time, which a hit refreshes), and each blob once no remaining entry names it. Runs after a
/// store, only when the folder is over the cap, so a cache under it costs one directory listing. Other processes
/// store and evict at the same time: a file that vanishes while being looked at is simply not counted.
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
        var readable = new List<(FileOnDisk File, string[] Blobs)>();
        foreach (var file in entries)
        {
            if (ReadBlobs(file.Path) is { } named)
            {
                readable.Add((file, named));
            }
            else if (file.LastWriteUtc < now - StoreInProgress)
            {
                // Unreadable, or a temporary file left by a process that died.
                total -= Delete(file);
            }
        }

        var users = readable.SelectMany(e => e.Blobs).GroupBy(b => b, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var blobFiles = blobs.ToDictionary(b => System.IO.Path.GetFileName(b.Path), StringComparer.Ordinal);
        foreach (var orphan in blobFiles.Where(b => !users.ContainsKey(b.Key) && b.Value.LastWriteUtc < now - StoreInProgress).Select(b => b.Value).OrderBy(b => b.LastWriteUtc))
        {
            total -= Delete(orphan);
        }

        foreach (var (entry, named) in readable.OrderBy(e => e.File.LastWriteUtc))
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

    /// <summary>The files in the folder as they are now; one renamed or deleted meanwhile is left out.</summary>
    private static List<FileOnDisk> Files(string folder)
    {
        var files = new List<FileOnDisk>();
        if (!Directory.Exists(folder))
        {
            return files;
        }

        foreach (var file in new DirectoryInfo(folder).EnumerateFiles())
        {
            try
            {
                files.Add(new FileOnDisk(file.FullName, file.Length, file.LastWriteTimeUtc));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Renamed into place or evicted by another process while listing.
            }
        }

        return files;
    }

    private static string[]? ReadBlobs(string entry)
    {
        try
        {
            return CacheEntryJson.Read(File.ReadAllBytes(entry)) is { } read
                ? [.. read.Files.Select(f => f.Sha256).Distinct(StringComparer.Ordinal)]
                : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Deletes the file; returns the bytes freed (none when another process got there first).</summary>
    private static long Delete(FileOnDisk file)
    {
        try
        {
            if (!File.Exists(file.Path))
            {
                return 0;
            }

            File.Delete(file.Path);
            return file.Length;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private sealed record FileOnDisk(string Path, long Length, DateTime LastWriteUtc);
}
