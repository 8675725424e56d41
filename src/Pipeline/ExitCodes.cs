namespace Pipeline;

/// <summary>The documented exit codes of a Pipeline run.</summary>
public static class ExitCodes
{
    /// <summary>Every scheduled target succeeded, was skipped, or failed with failure allowed.</summary>
    public const int Success = 0;

    /// <summary>A target failed.</summary>
    public const int TargetFailed = 1;

    /// <summary>The command line or the script is wrong: unknown target, bad parameter, cycle, compile error, no targets declared.</summary>
    public const int UsageError = 2;

    /// <summary>
    /// A release or deployment was refused by its policy: a missing approval, a failed rule, a tampered candidate.
    /// The message names every failed rule (and the command that approves, when approval is missing).
    /// </summary>
    public const int Refused = 3;

    /// <summary>
    /// The targets succeeded but a report the command line asked for (<c>--summary-json</c>) could not be written
    /// at the end (the disk filled, the folder went away): the path itself is checked before any target runs.
    /// </summary>
    public const int ReportNotWritten = 4;

    /// <summary>
    /// <c>--check-ci</c> found a generated CI file missing or different from what the script generates (a hand edit,
    /// or a script change not followed by <c>--generate-ci</c>). The message names each file with a diff.
    /// </summary>
    public const int CiFilesStale = 5;

    /// <summary>Pipeline itself failed: a bug to report. <c>PIPELINE_TRACE=1</c> adds the stack trace.</summary>
    public const int InternalError = 70;

    /// <summary>
    /// The resident runner went away in the middle of the run (killed, crashed): the run's outcome is unknown. The next
    /// run starts a new runner; <c>PIPELINE_RUNNER=off</c> runs without one. (sysexits' EX_TEMPFAIL: try again.)
    /// </summary>
    public const int RunnerLost = 75;

    /// <summary>The run was cancelled (Ctrl+C or SIGTERM), also when a second one forced the stop.</summary>
    public const int Cancelled = 130;
}
