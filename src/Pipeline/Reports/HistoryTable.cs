using System.Text;
using Pipeline.Delivery.Records;

namespace Pipeline.Reports;

/// <summary>The history page's table: a row per record, newest first, classed and marked (<c>data-kind</c>, <c>data-outcome</c>...) by what it was.</summary>
internal static class HistoryTable
{
    /// <param name="records">Oldest first, as the ledger holds them.</param>
    public static void Append(StringBuilder html, IReadOnlyList<LedgerRecord> records)
    {
        html.Append("<table id=\"records\">\n<thead><tr><th>When (UTC)</th><th>What</th><th>Outcome</th><th>Version</th><th>Digest</th><th>Commit</th>")
            .Append("<th>Who</th><th>Host</th><th>Mode</th><th>Rules and checks</th><th>Note</th></tr></thead>\n<tbody>\n");
        for (var i = records.Count - 1; i >= 0; i--)
        {
            AppendRow(html, records[i]);
        }

        html.Append("</tbody>\n</table>");
    }

    private static void AppendRow(StringBuilder html, LedgerRecord record)
    {
        var kind = LedgerNames.Of(record.Kind);
        var outcome = LedgerNames.Of(record.Outcome);
        html.Append("<tr class=\"record kind-").Append(kind).Append(" outcome-").Append(outcome)
            .Append("\" data-kind=\"").Append(kind).Append("\" data-outcome=\"").Append(outcome)
            .Append("\" data-version=\"").Append(Html.Escape(record.Version)).Append("\" data-who=\"").Append(Html.Escape(record.Who))
            .Append("\" data-time=\"").Append(HistoryStrip.Iso(record.Time)).Append("\">")
            .Append("<td class=\"when\"><time datetime=\"").Append(HistoryStrip.Iso(record.Time)).Append("\">").Append(HistoryStrip.Time(record.Time)[..^4]).Append("</time></td>")
            .Append("<td class=\"kind\">").Append(kind).Append("</td>")
            .Append("<td class=\"outcome\">").Append(outcome).Append("</td>")
            .Append("<td class=\"version\">").Append(Html.Escape(record.Version)).Append("</td>")
            .Append("<td class=\"digest\"><code title=\"").Append(Html.Escape(record.Digest)).Append("\">").Append(Html.Escape(Short(record.Digest, 19))).Append("</code></td>")
            .Append("<td class=\"commit\"><code title=\"").Append(Html.Escape(record.Commit)).Append("\">").Append(Html.Escape(Short(record.Commit, 10))).Append("</code></td>")
            .Append("<td class=\"who\" title=\"").Append(Html.Escape($"learnt from {record.WhoSource}")).Append("\">").Append(Html.Escape(record.Who)).Append("</td>")
            .Append("<td>").Append(Host(record)).Append("</td>")
            .Append("<td>").Append(record.Mode is { } mode ? LedgerNames.Of(mode) : string.Empty).Append("</td>")
            .Append("<td>").Append(Verdicts(record)).Append("</td>")
            .Append("<td>").Append(Html.Escape(Note(record))).Append("</td></tr>\n");
    }

    /// <summary>The host, linked to the run when the ledger has its address (only http(s): a record is text, not trusted markup).</summary>
    private static string Host(LedgerRecord record) =>
        record.RunUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? $"<a href=\"{Html.Escape(url)}\">{Html.Escape(record.Host)}</a>"
            : Html.Escape(record.RunUrl is null ? record.Host : $"{record.Host} {record.RunUrl}");

    /// <summary>Every rule's and check's verdict: the failed ones first, each with what it found; the passed ones by name, what they found in the tooltip.</summary>
    private static string Verdicts(LedgerRecord record)
    {
        var verdicts = (record.Rules ?? []).Select(r => (r.Name, r.Passed, r.Detail)).Concat((record.Checks ?? []).Select(c => (c.Name, c.Passed, c.Detail))).ToList();
        if (verdicts.Count == 0)
        {
            return string.Empty;
        }

        var list = new StringBuilder("<ul class=\"verdicts\">");
        foreach (var (name, passed, detail) in verdicts.Where(v => !v.Passed).Concat(verdicts.Where(v => v.Passed)))
        {
            list.Append("<li class=\"").Append(passed ? "pass" : "fail").Append("\" data-rule=\"").Append(Html.Escape(name)).Append("\" title=\"").Append(Html.Escape(detail)).Append("\">")
                .Append(passed ? "&#10003; " : "&#10007; ").Append(Html.Escape(name)).Append(passed ? string.Empty : $": {Html.Escape(detail)}").Append("</li>");
        }

        return list.Append("</ul>").ToString();
    }

    private static string Note(LedgerRecord record) => string.Join("; ", new[]
    {
        record.Comment,
        record.OverrideReason is null ? null : $"freeze overridden: {record.OverrideReason}",
        record.Error,
    }.OfType<string>());

    private static string Short(string? text, int length) => text is { } value && value.Length > length ? value[..length] : text ?? string.Empty;
}
