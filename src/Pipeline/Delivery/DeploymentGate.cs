using Pipeline.Delivery.Identities;
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
        if (approving && approver is null && pass.Step.Policy.AllowedSignersFile is null)
        {
            throw new ReleaseRefusedException("--approve needs to know who approves: no CI user variable is set and git has no user.email (git config user.email you@example.com).");
        }

        // Asked before the lock is taken: a slow host does not hold up other releases.
        var hostReview = await HostReview.ReadAsync(run, pass, cancellationToken).ConfigureAwait(false);
        var stamp = new RecordStamp(pass.Candidate, approver ?? RecordStamp.Nobody, build.Identity);
        if (run.Request.DryRun)
        {
            var given = approving ? await ApprovalAsync(run, pass, stamp, run.Now, cancellationToken).ConfigureAwait(false) : null;
            return await JudgeOnlyAsync(run, pass, stamp, given, hostReview, cancellationToken).ConfigureAwait(false);
        }

        using var held = ReleaseLock.Take(run, pass, cancellationToken);
        if (held.Lock is not null)
        {
            InterruptedAttempts.Record(run, pass.Environment, stamp);
        }

        var recorder = new DeploymentRecorder(run, pass, stamp);

        // One moment for the whole judgement: an approval given now is judged at the time it was given.
        var now = run.Now;
        if (approving)
        {
            recorder.Approval(await ApprovalAsync(run, pass, stamp, now, cancellationToken).ConfigureAwait(false));
        }

        foreach (var reviewed in hostReview?.Approvals(stamp, now) ?? [])
        {
            recorder.Approval(reviewed);
        }

        var facts = await ReleaseFactsGathering.GatherAsync(run, pass, now, cancellationToken).ConfigureAwait(false);
        var judgement = Judgement.Of(facts with { LockHeldBy = held.HeldBy });
        run.Report.Verdicts(pass, judgement.Verdicts, dryRun: false);
        run.Report.Decided(ReleaseDecision.Of(pass, facts, judgement, judgement.Refused ? ReleaseDecisionOutcome.Refused : ReleaseDecisionOutcome.Allowed));
        if (judgement.Refused)
        {
            recorder.Refusal(judgement);
            throw new ReleaseRefusedException(RefusalMessage.Of(pass, judgement.Verdicts, dryRun: false, hostReview));
        }

        return await recorder.DeployAsync(judgement, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>--dry-run</c>: the verdicts as a real pass would judge them now, with nothing taken, written or deployed.</summary>
    private static async Task<Deployment> JudgeOnlyAsync(
        DeliveryRun run, GatePass pass, RecordStamp stamp, LedgerRecord? approval, HostReview? hostReview, CancellationToken cancellationToken)
    {
        var now = approval?.Time ?? run.Now;
        var facts = await ReleaseFactsGathering.GatherAsync(run, pass, now, cancellationToken, approval, hostReview?.Approvals(stamp, now)).ConfigureAwait(false);
        var judgement = Judgement.Of(facts with { LockHeldBy = ReleaseLock.HeldBy(run, pass.Environment) });
        run.Report.Verdicts(pass, judgement.Verdicts, dryRun: true);
        run.Report.Decided(ReleaseDecision.Of(pass, facts with { NewApproval = approval }, judgement, judgement.Refused ? ReleaseDecisionOutcome.WouldBeRefused : ReleaseDecisionOutcome.WouldPass));
        return judgement.Refused
            ? throw new ReleaseRefusedException(RefusalMessage.Of(pass, judgement.Verdicts, dryRun: true, hostReview))
            : pass.Candidate;
    }

    /// <summary>The approval given now: signed by the approver's SSH key when the policy requires signed approvals.</summary>
    private static async Task<LedgerRecord> ApprovalAsync(DeliveryRun run, GatePass pass, RecordStamp stamp, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var approval = stamp.Record(LedgerRecordKind.Approval, LedgerOutcome.Recorded, now) with { Comment = run.Request.Comment };
        return pass.Step.Policy.AllowedSignersFile is null
            ? approval
            : await Identities.ApprovalSigning.SignAsync(run, pass, approval, cancellationToken).ConfigureAwait(false);
    }
}
