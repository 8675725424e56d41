using Pipeline.Delivery;
using Pipeline.Delivery.Records;

namespace Pipeline.Reports;

/// <summary><c>--history ENV --html</c>: an environment's releases, approvals, refusals and rollbacks (owned by issue 14, part B).</summary>
internal static class HistoryPage
{
    /// <param name="records">The verified records, oldest first (up to a break in the chain, if any).</param>
    /// <param name="broken">Where the chain breaks, shown as a warning on the page; null when it verifies.</param>
    public static string Render(DeliveryEnvironment environment, IReadOnlyList<LedgerRecord> records, string ledgerLocation, LedgerBreak? broken) =>
        throw new NotImplementedException("issue 14 part B");
}
