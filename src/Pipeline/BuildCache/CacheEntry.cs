namespace Pipeline.BuildCache;

/// <summary>
/// What a successful run of an incremental target left, keyed by its fingerprint: the output files (by content
/// digest, stored apart), the console lines it printed (masked), the closing lines and the CI outputs it set.
/// Enough to restore the outputs and replay the run without running the body.
/// </summary>
/// <param name="Files">The outputs, relative to the root with '/' separators, sorted ordinally.</param>
/// <param name="OutputLines">What the target printed, masked, in order; replayed when the result is reused.</param>
internal sealed record CacheEntry(
    string Target,
    string Fingerprint,
    IReadOnlyList<CachedFile> Files,
    IReadOnlyList<string> OutputLines,
    IReadOnlyList<string> ClosingLines,
    IReadOnlyList<KeyValuePair<string, string>> Outputs,
    DateTimeOffset RecordedAt,
    TimeSpan Duration);

/// <summary>One output file of a cache entry; its content is the blob named by <paramref name="Sha256"/>.</summary>
internal sealed record CachedFile(string Path, string Sha256, long Size, bool Executable);
