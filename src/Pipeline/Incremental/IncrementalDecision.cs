using Pipeline.BuildCache;

namespace Pipeline.Incremental;

/// <summary>Whether an incremental target's body runs, and why; when it does not, the result that stands in for it.</summary>
internal sealed record IncrementalDecision
{
    /// <summary>Why the body runs (<c>input src/App/Class1.cs changed</c>), or why it does not (<c>no change since its last run</c>).</summary>
    public required string Reason { get; init; }

    /// <summary>Set when the body does not run: the reused result.</summary>
    public TargetReuse? Reuse { get; init; }

    /// <summary>The result replayed when the body does not run.</summary>
    public CacheEntry? Replayed { get; init; }

    /// <summary>The fingerprint the body runs for; recorded when it succeeds. Null when it cannot be recorded (inputs unreadable).</summary>
    public Fingerprint? Fingerprint { get; init; }

    /// <summary>The input digests the fingerprint was made from, and when they were taken.</summary>
    public IReadOnlyDictionary<string, FileDigest> Inputs { get; init; } = new Dictionary<string, FileDigest>();

    public DateTimeOffset InputsTakenAt { get; init; }
}
