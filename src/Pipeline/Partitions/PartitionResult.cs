using Pipeline.Execution;

namespace Pipeline.Partitions;

/// <summary>
/// How one slice of a partitioned target ended, as its run wrote it to <c>artifacts/partitions</c> for the job
/// that merges the slices.
/// </summary>
/// <param name="Reason">Why it failed, was skipped or did not run; masked.</param>
/// <param name="ClosingLines">The closing lines the target wrote (<c>WriteAtEnd</c>) while its slice ran; masked.</param>
internal sealed record PartitionResult(
    string Target,
    int Index,
    int Count,
    TargetOutcome Outcome,
    TimeSpan Duration,
    string? Reason,
    IReadOnlyList<string> ClosingLines)
{
    /// <summary>The slice did its share: it succeeded, or its condition skipped it as it would have skipped the whole.</summary>
    public bool DidItsShare => Outcome is TargetOutcome.Succeeded or TargetOutcome.Skipped;

    public string Slice => $"{Index}/{Count}";
}
