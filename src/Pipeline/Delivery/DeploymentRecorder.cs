using Pipeline.Delivery.Deployers;
using Pipeline.Delivery.Records;
using Pipeline.Delivery.Rules;

namespace Pipeline.Delivery;

/// <summary>
/// What a pass writes, under the environment's lock: an approval given now, a refusal, or the deployment (skipped
/// when the environment's last deployment was this digest already). Every deployment is an attempt: <c>started</c>
/// before the deployer runs, then the success record, or <c>failed</c> with the (masked) error, or <c>interrupted</c>
/// when the run is cancelled; a release that reached the environment is then checked (<see cref="ProductionChecks"/>).
/// </summary>
internal sealed class DeploymentRecorder(DeliveryRun run, GatePass pass, RecordStamp stamp)
{
    private Ledger Ledger => run.LedgerOf(pass.Environment);

    public void Approval(LedgerRecord approval)
    {
        Ledger.Append(approval, run.Clock, run.Secrets);
        run.Report.ApprovalRecorded(approval, Ledger.Location);
    }

    public void Refusal(Judgement judgement) =>
        Ledger.Append(Record(LedgerRecordKind.Refusal, LedgerOutcome.Refused, judgement), run.Clock, run.Secrets);

    public async Task<Deployment> DeployAsync(Judgement judgement, CancellationToken cancellationToken)
    {
        var environment = pass.Environment;
        var candidate = pass.Candidate;
        var outcome = judgement.AlreadyDelivered ? DeployOutcome.AlreadyPresent : await AttemptAsync(judgement, cancellationToken).ConfigureAwait(false);
        var deployed = candidate with { Location = environment.Deployer.Location(candidate) };
        var recorded = outcome == DeployOutcome.Published ? LedgerOutcome.Published : LedgerOutcome.AlreadyPresent;
        Ledger.Append(Record(pass.Kind, recorded, judgement) with { OverrideReason = judgement.OverrideReason, Location = deployed.Location, Manifest = candidate.Manifest.ToJson() }, run.Clock, run.Secrets);
        run.Report.Deployed(pass, deployed, recorded);
        if (recorded == LedgerOutcome.Published && pass.Step is Promotion && environment.Checks.Count > 0)
        {
            await new ProductionChecks(run, pass, stamp).VerifyAsync(deployed, cancellationToken).ConfigureAwait(false);
        }

        return deployed;
    }

    /// <summary>Runs the deployer between a <c>started</c> record and, when it does not succeed, its conclusion.</summary>
    private async Task<DeployOutcome> AttemptAsync(Judgement judgement, CancellationToken cancellationToken)
    {
        var environment = pass.Environment;
        Ledger.Append(Record(pass.Kind, LedgerOutcome.Started, judgement), run.Clock, run.Secrets);
        try
        {
            return await environment.Deployer.DeployAsync(pass.Candidate, environment.Kind, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Ledger.Append(Record(pass.Kind, LedgerOutcome.Interrupted, judgement) with { Error = "cancelled while the deployer ran" }, run.Clock, run.Secrets);
            throw;
        }
        catch (Exception exception)
        {
            var error = run.Failures.Of(exception);
            Ledger.Append(Record(pass.Kind, LedgerOutcome.Failed, judgement) with { Error = error }, run.Clock, run.Secrets);
            throw new DeploymentFailedException(
                $"Deploying {pass.Candidate.Version} {pass.Candidate.Digest} to {environment.Name} failed (recorded in its ledger): {error}", exception);
        }
    }

    private LedgerRecord Record(LedgerRecordKind kind, LedgerOutcome outcome, Judgement judgement) =>
        stamp.Record(kind, outcome, run.Now) with { Mode = pass.Mode, Rules = judgement.Verdicts, Comment = run.Request.Comment };
}
