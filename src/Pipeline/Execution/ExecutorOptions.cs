namespace Pipeline.Execution;

/// <param name="MaxParallelism">How many targets may run at once; 1 runs them one after another.</param>
/// <param name="KeepGoing">After a failure, run everything that does not depend on it.</param>
/// <param name="Preskipped">
/// Targets the caller decided before the run not to run, each with the reason shown as skipped (for example the
/// stages a recorded release candidate already satisfies).
/// </param>
internal sealed record ExecutorOptions(int MaxParallelism, bool KeepGoing, IReadOnlyDictionary<Target, string>? Preskipped = null)
{
    /// <summary>
    /// Decides the result of a target this run skips from what other runs left (a partitioned target's slices, see
    /// <see cref="Partitions.PartitionFanIn"/>); null keeps it skipped.
    /// </summary>
    public Func<Target, TargetResult?>? SettleSkipped { get; init; }

    /// <summary>Decides whether the bodies of incremental targets run, and records those that did; null runs every body.</summary>
    public Incremental.IncrementalTargets? Incremental { get; init; }
}
