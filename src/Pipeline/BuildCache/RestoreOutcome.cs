namespace Pipeline.BuildCache;

/// <summary>How a restore ended. Only <see cref="Restored"/> wrote anything into the root.</summary>
internal enum RestoreResult
{
    Restored,

    /// <summary>A blob the entry names is not in the cache (evicted, or never stored): an ordinary miss.</summary>
    BlobMissing,

    /// <summary>A blob's content does not match its digest: never restored.</summary>
    Corrupt,

    /// <summary>The files could not be written into the root.</summary>
    Failed,
}

/// <param name="Problem">What went wrong, for a warning; null when restored or simply missing.</param>
/// <param name="CorruptBlob">The digest of the blob that did not match, so a cache can drop it.</param>
internal sealed record RestoreOutcome(RestoreResult Result, string? Problem = null, string? CorruptBlob = null)
{
    public static RestoreOutcome Restored { get; } = new(RestoreResult.Restored);
}
