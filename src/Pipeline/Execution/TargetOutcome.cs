namespace Pipeline.Execution;

/// <summary>How one scheduled target ended.</summary>
internal enum TargetOutcome
{
    Succeeded,
    Failed,
    Skipped,
    NotRun,
    Cancelled,
}

/// <summary>One target's result in a run.</summary>
/// <param name="Reason">Why it was skipped or not run, or the failure message; masked.</param>
/// <param name="FailureAllowed">It failed, but was declared with <c>AllowFailure()</c>, so the build did not.</param>
/// <param name="Location">For a failure raised in a build script: the file and line it came from.</param>
internal sealed record TargetResult(
    Target Target,
    TargetOutcome Outcome,
    TimeSpan Duration,
    string? Reason,
    bool FailureAllowed = false,
    SourceLocation? Location = null)
{
    /// <summary>Lets dependents run: succeeded, skipped, or failed with failure allowed.</summary>
    public bool LetsDependentsRun => Outcome is TargetOutcome.Succeeded or TargetOutcome.Skipped ||
        (Outcome == TargetOutcome.Failed && FailureAllowed);

    /// <summary>A release rule refused it (exit code 3), as opposed to a failure.</summary>
    public bool Refused { get; init; }

    /// <summary>The slice of a partitioned target this run executed (<c>--partition i/n</c>); null when it ran whole or not at all.</summary>
    public PartitionSlice? Slice { get; init; }

    /// <summary>For a partitioned target settled by its slices' results (the fan-in): each slice's result, in order.</summary>
    public IReadOnlyList<PartitionResult>? Partitions { get; init; }

    /// <summary>Set when the body did not run because a recorded successful result stood in for it (up to date, or restored from the build cache).</summary>
    public Incremental.TargetReuse? Reuse { get; init; }

    /// <summary>When the executor started it, from the start of the run; null for a target that never started (not run).</summary>
    public TimeSpan? Started { get; init; }

    /// <summary>
    /// Which of the run's parallel slots it took (0 to <c>--parallel</c> - 1), lowest free first: targets in one lane never
    /// overlap in time, so a timeline draws one row per lane. Null for a target that never started.
    /// </summary>
    public int? Lane { get; init; }

    /// <summary>A failure that fails the build.</summary>
    public bool FailsBuild => Outcome == TargetOutcome.Failed && !FailureAllowed;
}

/// <summary>A place in a build script: a path relative to the repository root, and a 1-based line.</summary>
internal sealed record SourceLocation(string File, int Line);

/// <summary>The whole invocation: every scheduled target's result in plan order, and the wall time.</summary>
internal sealed record RunResult(IReadOnlyList<TargetResult> Targets, TimeSpan WallTime, bool Cancelled)
{
    /// <summary>When the executor started, by the run's clock (what reports print as the run's start).</summary>
    public DateTimeOffset StartedAt { get; init; }

    public int ExitCode =>
        Cancelled ? ExitCodes.Cancelled
        : Targets.Any(t => t.FailsBuild && !t.Refused) ? ExitCodes.TargetFailed
        : Targets.Any(t => t.FailsBuild) ? ExitCodes.Refused
        : ExitCodes.Success;
}
