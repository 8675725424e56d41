using Pipeline.Delivery.Records;

namespace Pipeline.Delivery;

/// <summary>
/// <see cref="Target.Promotes"/>: take the candidate that passed <see cref="From"/> (produced in this run, or
/// selected before it from the evidence), and pass it through the gate into <see cref="DeliveryStep.Environment"/>.
/// </summary>
internal sealed class Promotion(Target target, DeliveryEnvironment from, DeliveryEnvironment to, ReleasePolicy policy)
    : DeliveryStep(target, to, policy)
{
    public DeliveryEnvironment From { get; } = from;

    protected override async Task ExecuteAsync(DeliveryRun run, CancellationToken cancellationToken)
    {
        var candidate = run.Selected.GetValueOrDefault(this) ?? run.PassedIn(From)
            ?? throw new ReleaseRefusedException(
                $"Refused: no candidate has passed {From.Name} for commit {Short(run.Build.Identity.Commit)}. Run ./build.sh {Target.Name} to build, check and release one in one go, or pick a recorded one with --candidate VERSION.");
        var kind = run.Request.RollbackTo is null ? LedgerRecordKind.Release : LedgerRecordKind.Rollback;
        var pass = new GatePass(this, candidate with { Environment = Environment.Name }, run.Request.Mode ?? Policy.Mode, kind) { Qa = From };
        await DeploymentGate.PassAsync(run, pass, cancellationToken).ConfigureAwait(false);
    }

    private static string Short(string? commit) => commit is { Length: > 12 } ? commit[..12] : commit ?? "(unknown)";
}
