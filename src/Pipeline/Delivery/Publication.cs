using Pipeline.Delivery.Records;
using Pipeline.Execution;
using Pipeline.Incremental;

namespace Pipeline.Delivery;

/// <summary>
/// <see cref="Target.PublishesTo"/>: verify the packaged candidate, keep it in the candidate store, deploy it,
/// run the environment's checks against the deployment, and record their verdict as evidence bound to the digest.
/// </summary>
internal sealed class Publication(Target target, DeliveryEnvironment environment, AbsolutePath candidateFolder, ReleasePolicy policy)
    : DeliveryStep(target, environment, policy)
{
    public AbsolutePath CandidateFolder { get; } = candidateFolder;

    protected override async Task ExecuteAsync(DeliveryRun run, CancellationToken cancellationToken)
    {
        var candidate = run.Store.Store(CandidateFolder, Environment.Name);
        var pass = new GatePass(this, candidate, Policy.Mode, LedgerRecordKind.Deployment);
        var deployed = await DeploymentGate.PassAsync(run, pass, cancellationToken).ConfigureAwait(false);
        if (run.Request.DryRun)
        {
            return;
        }

        var checks = await EnvironmentChecks.RunAsync(run, Environment, deployed, cancellationToken).ConfigureAwait(false);
        var passed = checks.All(c => c.Passed);
        var actor = await Approver.FindAsync(run.Build.Host, run.Environment, run.Build.Root, cancellationToken).ConfigureAwait(false) ?? RecordStamp.Nobody;
        var evidence = new RecordStamp(candidate, actor, run.Build.Identity).Record(LedgerRecordKind.Qa, passed ? LedgerOutcome.Passed : LedgerOutcome.Failed, run.Now);
        run.LedgerOf(Environment).Append(evidence with { Checks = checks, Stages = Stages(run, candidate), Location = deployed.Location }, run.Clock, run.Secrets);
        if (!passed)
        {
            throw new QaChecksFailedException(
                $"QA check{(checks.Count(c => !c.Passed) > 1 ? "s" : string.Empty)} failed in {Environment.Name} for {candidate.Version} {candidate.Digest}: " +
                string.Join("; ", checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
        }

        run.Passed(Environment, candidate);
        run.Report.PassedChecks(Environment, candidate, checks);
    }

    /// <summary>How every target this one depends on (directly or not) ended in this run: the candidate's provenance.</summary>
    private Dictionary<string, StageResult> Stages(DeliveryRun run, Deployment candidate)
    {
        var madeEarlierInThisRun = MadeEarlierInThisRun(run, candidate);
        var stages = new Dictionary<string, StageResult>(StringComparer.Ordinal);
        var pending = new Stack<Target>(Target.Dependencies);
        while (pending.TryPop(out var stage))
        {
            if (stages.ContainsKey(stage.Name))
            {
                continue;
            }

            var result = run.ResultOf(stage);
            stages[stage.Name] = madeEarlierInThisRun is not null && result is { Outcome: TargetOutcome.Skipped, Reason: "--skip" }
                ? new(StageStatus.RanInEarlierJob, madeEarlierInThisRun)
                : Describe(result);
            foreach (var dependency in stage.Dependencies)
            {
                pending.Push(dependency);
            }
        }

        return stages;
    }

    /// <summary>
    /// The CI run, when an earlier job of it made the candidate from this commit (its manifest says so): generated CI
    /// jobs pass <c>--skip</c> for the stages such a job ran, and the candidate they publish is its verified artifact.
    /// </summary>
    private static string? MadeEarlierInThisRun(DeliveryRun run, Deployment candidate)
    {
        var identity = run.Build.Identity;
        var manifest = candidate.Manifest;
        return !identity.IsLocal && identity.BuildUrl is { Length: > 0 } url && manifest.RunUrl == url &&
            manifest.Commit is not null && manifest.Commit == identity.Commit && !manifest.Dirty
            ? url
            : null;
    }

    private static StageResult Describe(TargetResult? result) => result switch
    {
        null => new(StageStatus.NotRun),

        // A reused result is evidence only because it stands on a recorded success with this same fingerprint; said so.
        { Outcome: TargetOutcome.Succeeded, Reuse: { Kind: ReuseKind.UpToDate } reuse } => new(StageStatus.UpToDate, reuse.Evidence),
        { Outcome: TargetOutcome.Succeeded, Reuse: { Kind: ReuseKind.Restored } reuse } => new(StageStatus.RestoredFromCache, reuse.Evidence),
        { Outcome: TargetOutcome.Succeeded } => new(StageStatus.Succeeded),
        { Outcome: TargetOutcome.Skipped, Reason: "--skip" } => new(StageStatus.SkippedOnRequest),
        { Outcome: TargetOutcome.Skipped } => new(StageStatus.SkippedByCondition, result.Reason),
        { Outcome: TargetOutcome.Failed } => new(StageStatus.FailureAllowed),
        { Outcome: TargetOutcome.NotRun } => new(StageStatus.NotRun),
        _ => new(StageStatus.Cancelled),
    };
}
