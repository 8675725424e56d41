namespace Pipeline.Incremental;

/// <summary>
/// A file as last seen: its content's SHA-256 (the truth) and its size and modification time (the hint that lets
/// an unchanged file skip hashing on the next run).
/// </summary>
/// <param name="ModifiedTicks">The last write time in UTC ticks.</param>
internal sealed record FileDigest(string Sha256, long Size, long ModifiedTicks);
