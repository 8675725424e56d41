using Pipeline.Delivery.Records;
using Pipeline.Delivery.Rules;

namespace Pipeline.Delivery;

/// <summary>
/// The one way into an environment: under its lock (<see cref="ReleaseLock"/>), record an approval given now,
/// gather the facts (<see cref="ReleaseFactsGathering"/>), judge them (<see cref="Judgement"/>, which reads
/// nothing), and either refuse (recorded, exit code 3) or deploy idempotently and record the deployment
/// (<see cref="DeploymentRecorder"/>). With <c>--dry-run</c> it judges and reports, and changes nothing.
/// </summary>
internal static class DeploymentGate
{
    public static async Task<Deployment> PassAsync(DeliveryRun run, GatePass pass, CancellationToken cancellationToken)
    {
        var build = run.Build;
        var approver = await Approver.FindAsync(build.Host, run.Environment, build.Root, cancellationToken).ConfigureAwait(false);
        var approving = run.Request.Approve && pass.Step is Promotion;
        if (approving && approver is null)
        {
            throw new ReleaseRefusedException("--approve needs to know who approves: no CI user variable is set and git has no user.email (git config user.email you@example.com).");
        }

        var stamp = new RecordStamp(pass.Candidate, approver ?? RecordStamp.Nobody, build.Identity);
        if (run.Request.DryRun)
        {
            return await JudgeOnlyAsync(run, pass, approving ? Approval(run, stamp, run.Now) : null, cancellationToken).ConfigureAwait(false);
        }

        using var held = ReleaseLock.Take(run, pass, cancellationToken);
        var recorder = new DeploymentRecorder(run, pass, stamp);

        // One moment for the whole judgement: an approval given now is judged at the time it was given.
        var now = run.Now;
        if (approving)
        {
            recorder.Approval(Approval(run, stamp, now));
        }

        var facts = await ReleaseFactsGathering.GatherAsync(run, pass, now, cancellationToken).ConfigureAwait(false);
        var judgement = Judgement.Of(facts with { LockHeldBy = held.HeldBy });
        run.Report.Verdicts(pass, judgement.Verdicts, dryRun: false);
        run.Report.Decided(ReleaseDecision.Of(pass, facts, judgement, judgement.Refused ? ReleaseDecisionOutcome.Refused : ReleaseDecisionOutcome.Allowed));
        if (judgement.Refused)
        {
            recorder.Refusal(judgement);
            throw new ReleaseRefusedException(RefusalMessage.Of(pass, judgement.Verdicts, dryRun: false));
        }

        return await recorder.DeployAsync(judgement, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>--dry-run</c>: the verdicts as a real pass would judge them now, with nothing taken, written or deployed.</summary>
    private static async Task<Deployment> JudgeOnlyAsync(DeliveryRun run, GatePass pass, LedgerRecord? approval, CancellationToken cancellationToken)
    {
        var facts = await ReleaseFactsGathering.GatherAsync(run, pass, approval?.Time ?? run.Now, cancellationToken).ConfigureAwait(false);
        var judgement = Judgement.Of(facts with { NewApproval = approval, LockHeldBy = ReleaseLock.HeldBy(pass.Environment) });
        run.Report.Verdicts(pass, judgement.Verdicts, dryRun: true);
        run.Report.Decided(ReleaseDecision.Of(pass, facts with { NewApproval = approval }, judgement, judgement.Refused ? ReleaseDecisionOutcome.WouldBeRefused : ReleaseDecisionOutcome.WouldPass));
        return judgement.Refused
            ? throw new ReleaseRefusedException(RefusalMessage.Of(pass, judgement.Verdicts, dryRun: true))
            : pass.Candidate;
    }

    private static LedgerRecord Approval(DeliveryRun run, RecordStamp stamp, DateTimeOffset now) =>
        stamp.Record(LedgerRecordKind.Approval, LedgerOutcome.Recorded, now) with { Comment = run.Request.Comment };
}
