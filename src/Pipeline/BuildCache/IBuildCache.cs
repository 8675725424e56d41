namespace Pipeline.BuildCache;

/// <summary>
/// Where the results of incremental targets are kept by fingerprint, so a checkout that lost its outputs (a fresh
/// clone, git clean, another branch and back, another CI runner) gets them back instead of running the target.
/// A cache that is corrupt, unreachable or read-only costs speed, never the build: no member throws for it.
/// </summary>
internal interface IBuildCache
{
    /// <summary>
    /// Looks up <paramref name="fingerprint"/>; on a hit, writes every output file into <paramref name="root"/>
    /// (each verified against its digest before any is moved into place) and returns the entry. Null on a miss,
    /// or when anything about the entry is wrong (then nothing was written).
    /// </summary>
    Task<CacheEntry?> TryRestoreAsync(string fingerprint, string root, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="entry"/> and the content of its files, read from <paramref name="root"/>. Does nothing when read-only.</summary>
    Task StoreAsync(CacheEntry entry, string root, CancellationToken cancellationToken);
}
