using System.Text;
using Pipeline.Delivery;
using Pipeline.Delivery.Records;

namespace Pipeline.Reports;

/// <summary>
/// <c>--history ENV --html</c>: an environment's releases, approvals, refusals and rollbacks as a version-over-time
/// strip and a table, newest first. A ledger whose chain breaks shows a warning and only the records before the break.
/// </summary>
internal static class HistoryPage
{
    /// <param name="records">The verified records, oldest first (up to a break in the chain, if any).</param>
    /// <param name="broken">Where the chain breaks, shown as a warning on the page; null when it verifies.</param>
    public static string Render(DeliveryEnvironment environment, IReadOnlyList<LedgerRecord> records, string ledgerLocation, LedgerBreak? broken)
    {
        var name = Html.Escape(environment.Name);
        var body = new StringBuilder();
        body.Append("<header>\n<h1>History of ").Append(name).Append("</h1>\n<p class=\"meta\">")
            .Append(environment.Kind == EnvironmentKind.Production ? "Production" : "QA").Append(" environment · ledger <code>").Append(Html.Escape(ledgerLocation)).Append("</code> · ")
            .Append(records.Count).Append(records.Count == 1 ? " record" : " records").Append(broken is null ? string.Empty : " that verify").Append("</p>\n</header>\n");
        if (broken is not null)
        {
            body.Append("<div id=\"broken\" class=\"banner\" role=\"alert\" data-line=\"").Append(broken.Line).Append("\"><strong>The ledger does not verify from line ")
                .Append(broken.Line).Append(" on:</strong> line ").Append(broken.Line).Append(' ').Append(Html.Escape(broken.Problem)).Append(". The ")
                .Append(records.Count).Append(" record(s) before it verify and are shown; nothing from line ").Append(broken.Line)
                .Append(" on is. A release to or from ").Append(name).Append(" is refused until the ledger is restored.</div>\n");
        }

        if (records.Count == 0)
        {
            body.Append("<p id=\"empty\">No records for ").Append(name).Append(broken is null ? " yet" : " that verify").Append(" (").Append(Html.Escape(ledgerLocation)).Append(").</p>");
            return Html.Page($"{environment.Name}: history", HistoryPageAssets.Style, body.ToString());
        }

        if (records.LastOrDefault(r => r.Delivered) is { } now)
        {
            body.Append("<p id=\"current\">In ").Append(name).Append(" now: <b>").Append(Html.Escape(now.Version)).Append("</b> (")
                .Append(LedgerNames.Of(now.Kind)).Append(" by ").Append(Html.Escape(now.Who)).Append(", ").Append(HistoryStrip.Time(now.Time)).Append(").</p>\n");
        }

        body.Append("<section aria-labelledby=\"strip-heading\">\n<h2 id=\"strip-heading\">Versions over time</h2>\n")
            .Append(HistoryPageAssets.Legend).Append(HistoryStrip.Render(records)).Append("\n</section>\n")
            .Append("<section aria-labelledby=\"records-heading\">\n<h2 id=\"records-heading\">Records, newest first</h2>\n");
        HistoryTable.Append(body, records);
        body.Append("\n</section>");
        return Html.Page($"{environment.Name}: history", HistoryPageAssets.Style, body.ToString());
    }
}
