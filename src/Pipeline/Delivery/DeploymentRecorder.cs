using Pipeline.Delivery.Deployers;
using Pipeline.Delivery.Records;
using Pipeline.Delivery.Rules;

namespace Pipeline.Delivery;

/// <summary>
/// What a pass writes, under the environment's lock: an approval given now, a refusal, or the deployment (skipped
/// when the environment's last deployment was this digest already) and its record.
/// </summary>
internal sealed class DeploymentRecorder(DeliveryRun run, GatePass pass, RecordStamp stamp)
{
    private Ledger Ledger => run.LedgerOf(pass.Environment);

    public void Approval(LedgerRecord approval)
    {
        Ledger.Append(approval, run.Clock, run.Secrets);
        run.Report.ApprovalRecorded(approval, Ledger.Path);
    }

    public void Refusal(Judgement judgement) =>
        Ledger.Append(Record(LedgerRecordKind.Refusal, LedgerOutcome.Refused, judgement), run.Clock, run.Secrets);

    public async Task<Deployment> DeployAsync(Judgement judgement, CancellationToken cancellationToken)
    {
        var environment = pass.Environment;
        var candidate = pass.Candidate;
        var outcome = judgement.AlreadyDelivered
            ? DeployOutcome.AlreadyPresent
            : await environment.Deployer.DeployAsync(candidate, environment.Kind, cancellationToken).ConfigureAwait(false);
        var deployed = candidate with { Location = environment.Deployer.Location(candidate) };
        var recorded = outcome == DeployOutcome.Published ? LedgerOutcome.Published : LedgerOutcome.AlreadyPresent;
        Ledger.Append(Record(pass.Kind, recorded, judgement) with { OverrideReason = judgement.OverrideReason, Location = deployed.Location, Manifest = candidate.Manifest.ToJson() }, run.Clock, run.Secrets);
        run.Report.Deployed(pass, deployed, recorded);
        return deployed;
    }

    private LedgerRecord Record(LedgerRecordKind kind, LedgerOutcome outcome, Judgement judgement) =>
        stamp.Record(kind, outcome, run.Now) with { Mode = pass.Mode, Rules = judgement.Verdicts, Comment = run.Request.Comment };
}
