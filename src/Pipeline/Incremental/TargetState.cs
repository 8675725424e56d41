using Pipeline.BuildCache;

namespace Pipeline.Incremental;

/// <summary>
/// What the last successful run of an incremental target left in <c>.pipeline/state</c>: its fingerprint and the
/// facts it was made of (to say what changed), the digests of its inputs and outputs with the times they were taken
/// (so unchanged files are not hashed again), and its result to replay.
/// </summary>
/// <param name="InputsTakenAt">When the inputs were read, before the body ran: a file changed in the same instant is hashed again next time.</param>
/// <param name="OutputsTakenAt">When the outputs were read, after the body ran.</param>
internal sealed record TargetState(
    int Format,
    string Target,
    string Fingerprint,
    SortedDictionary<string, string> Facts,
    Dictionary<string, FileDigest> Inputs,
    DateTimeOffset InputsTakenAt,
    Dictionary<string, FileDigest> Outputs,
    DateTimeOffset OutputsTakenAt,
    CacheEntry Result)
{
    /// <summary>Bumped when the shape changes: a state of another format is ignored (the target runs once more).</summary>
    public const int CurrentFormat = 1;
}
