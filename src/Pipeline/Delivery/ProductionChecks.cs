using Pipeline.Delivery.Records;

namespace Pipeline.Delivery;

/// <summary>
/// The checks of a production environment, run after a release or rollback reached it: their verdicts are recorded
/// (a <c>check</c> record bound to the digest); a failed check fails the run, and with
/// <see cref="ReleasePolicy.RollbackOnFailedCheck"/> the previous release's bytes, from the candidate store, are
/// deployed again first and recorded as a rollback that says why. Runs under the environment's lock, so no other
/// release comes in between.
/// </summary>
internal sealed class ProductionChecks(DeliveryRun run, GatePass pass, RecordStamp stamp)
{
    private DeliveryEnvironment Environment => pass.Environment;

    private Ledger Ledger => run.LedgerOf(Environment);

    public async Task VerifyAsync(Deployment deployed, CancellationToken cancellationToken)
    {
        var checks = await EnvironmentChecks.RunAsync(run, Environment, deployed, cancellationToken).ConfigureAwait(false);
        var passed = checks.All(c => c.Passed);
        Ledger.Append(
            stamp.Record(LedgerRecordKind.Check, passed ? LedgerOutcome.Passed : LedgerOutcome.Failed, run.Now) with { Checks = checks, Location = deployed.Location },
            run.Clock,
            run.Secrets);
        if (passed)
        {
            run.Report.PassedChecks(Environment, deployed, checks);
            return;
        }

        var failed = string.Join("; ", checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}"));
        var why = $"check{(checks.Count(c => !c.Passed) > 1 ? "s" : string.Empty)} failed in {Environment.Name} for {deployed.Version} {deployed.Digest}: {failed}";
        var rollback = pass.Step.Policy.RollsBackOnFailedCheck ? await RollBackAsync(deployed, why, cancellationToken).ConfigureAwait(false) : null;
        run.Report.ChecksFailed(Environment, deployed, checks, rollback?.Restored);
        throw new ProductionChecksFailedException(char.ToUpperInvariant(why[0]) + why[1..] + (rollback?.Outcome ?? "."));
    }

    /// <summary>Deploys the release before <paramref name="failed"/> again; what happened, for the failure message.</summary>
    private async Task<RollbackResult> RollBackAsync(Deployment failed, string why, CancellationToken cancellationToken)
    {
        var previous = Ledger.Read().Records.Where(r => r.Released && r.Digest != failed.Digest).MaxBy(r => r.Time);
        if (previous is null)
        {
            return new(null, $"; there is no earlier release of {Environment.Name} to roll back to.");
        }

        var bytes = run.Store.Open(previous.Digest, Environment.Name);
        if (bytes is null || CandidateStore.Problems(bytes).Count > 0)
        {
            return new(null, $"; {previous.Version} {previous.Digest} could not be rolled back to: its bytes are not intact in {run.Store.Root}.");
        }

        var rollbackStamp = stamp with { Candidate = bytes };
        var comment = $"automatic rollback (RollbackOnFailedCheck): {why}";
        Ledger.Append(rollbackStamp.Record(LedgerRecordKind.Rollback, LedgerOutcome.Started, run.Now) with { Mode = pass.Mode, Comment = comment }, run.Clock, run.Secrets);
        try
        {
            var outcome = await Environment.Deployer.DeployAsync(bytes, Environment.Kind, cancellationToken).ConfigureAwait(false);
            var restored = bytes with { Location = Environment.Deployer.Location(bytes) };
            var recorded = outcome == Deployers.DeployOutcome.Published ? LedgerOutcome.Published : LedgerOutcome.AlreadyPresent;
            Ledger.Append(
                rollbackStamp.Record(LedgerRecordKind.Rollback, recorded, run.Now) with { Mode = pass.Mode, Comment = comment, Location = restored.Location },
                run.Clock,
                run.Secrets);
            return new(restored, $"; rolled back to {previous.Version} {previous.Digest}.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var error = run.Failures.Of(exception);
            Ledger.Append(
                rollbackStamp.Record(LedgerRecordKind.Rollback, LedgerOutcome.Failed, run.Now) with { Mode = pass.Mode, Comment = comment, Error = error },
                run.Clock,
                run.Secrets);
            return new(null, $"; the rollback to {previous.Version} {previous.Digest} failed too: {error}");
        }
    }

    private sealed record RollbackResult(Deployment? Restored, string Outcome);
}
