namespace Pipeline.Incremental;

/// <summary>How a target's recorded result stood in for running its body.</summary>
internal enum ReuseKind
{
    /// <summary>Nothing it depends on changed since its last successful run here, and its outputs are as that run left them.</summary>
    UpToDate,

    /// <summary>Its outputs were restored from the build cache, where a successful run with the same fingerprint left them.</summary>
    Restored,
}

/// <summary>A result reused instead of running a target: which kind, and the successful run it comes from.</summary>
internal sealed record TargetReuse(ReuseKind Kind, string Fingerprint, DateTimeOffset RecordedAt)
{
    /// <summary>For the summary: <c>up to date</c> or <c>restored from the build cache</c>.</summary>
    public string Outcome => Kind == ReuseKind.UpToDate ? "up to date" : "restored from the build cache";

    /// <summary>The evidence it stands on: <c>its run of 2026-12-01 22:10:05Z with fingerprint 3f2a… succeeded</c>.</summary>
    public string Evidence => $"its run of {RecordedAtText} with fingerprint {Fingerprint[..Math.Min(12, Fingerprint.Length)]} succeeded";

    public string RecordedAtText => $"{RecordedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z";
}
