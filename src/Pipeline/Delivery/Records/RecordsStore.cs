namespace Pipeline.Delivery.Records;

/// <summary>
/// Where a build's delivery records live: every environment's ledger (deployments, QA evidence, approvals,
/// refusals, releases), the release locks and the index of candidates' manifests. Every reader and writer of
/// records goes through here, so the backend (a local folder, a git ref shared by every runner) is one choice.
/// </summary>
internal sealed class RecordsStore
{
    /// <summary>The ledger of <paramref name="environment"/>.</summary>
    public Ledger LedgerOf(DeliveryEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new Ledger(environment.RecordsDirectory);
    }
}
