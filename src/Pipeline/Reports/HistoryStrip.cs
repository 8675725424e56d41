using System.Globalization;
using System.Text;
using Pipeline.Delivery.Records;

namespace Pipeline.Reports;

/// <summary>
/// The version-over-time strip of an environment's history (inline SVG): a segment per version that reached it, from
/// that record until the next one (the last, in use now, to the strip's end), and below them a mark per approval,
/// refusal, failure and rollback. Segments and marks carry data attributes (<c>data-version</c>, <c>data-kind</c>...).
/// </summary>
internal static class HistoryStrip
{
    private const double Width = 1000;
    private const double BandTop = 8;
    private const double BandHeight = 30;
    private const double MarksY = 62;
    private const double AxisY = 84;

    /// <summary>Roughly the width of a character of the segment labels (12px sans-serif), to leave out a label that would not fit.</summary>
    private const double CharacterWidth = 7;

    /// <param name="records">Oldest first; at least one.</param>
    public static string Render(IReadOnlyList<LedgerRecord> records)
    {
        var axis = new TimeAxis(records[0].Time, records[^1].Time, Width);
        var svg = new StringBuilder();
        svg.Append("<svg id=\"strip\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-10 0 ").Append(F(Width + 20)).Append(" 108\" preserveAspectRatio=\"xMinYMin meet\" role=\"img\" aria-labelledby=\"strip-title\">\n")
            .Append("<title id=\"strip-title\">Versions over time</title>\n");
        AppendSegments(svg, records, axis);
        AppendMarks(svg, records, axis);
        AppendAxis(svg, axis);
        return svg.Append("</svg>").ToString();
    }

    private static void AppendSegments(StringBuilder svg, IReadOnlyList<LedgerRecord> records, TimeAxis axis)
    {
        var delivered = records.Where(r => r.Delivered).ToList();
        svg.Append("<g class=\"segments\">\n");
        for (var i = 0; i < delivered.Count; i++)
        {
            var record = delivered[i];
            var current = i == delivered.Count - 1;
            var (left, right) = (axis.X(record.Time), current ? Width : axis.X(delivered[i + 1].Time));
            var width = Math.Max(right - left, 2);
            var until = current ? "now" : Time(delivered[i + 1].Time);
            svg.Append("<g class=\"segment").Append(current ? " current" : string.Empty).Append(i % 2 == 0 ? " even" : " odd")
                .Append(record.Kind == LedgerRecordKind.Rollback ? " rollback" : string.Empty)
                .Append("\" data-version=\"").Append(Html.Escape(record.Version))
                .Append("\" data-digest=\"").Append(Html.Escape(record.Digest))
                .Append("\" data-kind=\"").Append(LedgerNames.Of(record.Kind))
                .Append("\" data-from=\"").Append(Iso(record.Time))
                .Append("\" data-until=\"").Append(current ? "now" : Iso(delivered[i + 1].Time)).Append("\">")
                .Append("<title>").Append(Html.Escape($"{record.Version} ({LedgerNames.Of(record.Kind)} by {record.Who}), {Time(record.Time)} until {until}\n{record.Digest}")).Append("</title>")
                .Append("<rect x=\"").Append(F(left)).Append("\" y=\"").Append(F(BandTop)).Append("\" width=\"").Append(F(width)).Append("\" height=\"").Append(F(BandHeight)).Append("\"/>");
            if (width > (CharacterWidth * record.Version.Length) + 8)
            {
                svg.Append("<text x=\"").Append(F(left + 4)).Append("\" y=\"").Append(F(BandTop + (BandHeight / 2))).Append("\">").Append(Html.Escape(record.Version)).Append("</text>");
            }

            svg.Append("</g>\n");
        }

        svg.Append("</g>\n");
    }

    private static void AppendMarks(StringBuilder svg, IReadOnlyList<LedgerRecord> records, TimeAxis axis)
    {
        svg.Append("<g class=\"marks\">\n");
        foreach (var record in records)
        {
            if (MarkOf(record) is not { } mark)
            {
                continue;
            }

            var x = axis.X(record.Time);
            svg.Append("<g class=\"mark ").Append(mark)
                .Append("\" data-kind=\"").Append(LedgerNames.Of(record.Kind))
                .Append("\" data-outcome=\"").Append(LedgerNames.Of(record.Outcome))
                .Append("\" data-version=\"").Append(Html.Escape(record.Version))
                .Append("\" data-time=\"").Append(Iso(record.Time)).Append("\">")
                .Append("<title>").Append(Html.Escape($"{LedgerNames.Of(record.Kind)} {LedgerNames.Of(record.Outcome)}: {record.Version} by {record.Who}, {Time(record.Time)}")).Append("</title>")
                .Append("<line x1=\"").Append(F(x)).Append("\" y1=\"").Append(F(BandTop)).Append("\" x2=\"").Append(F(x)).Append("\" y2=\"").Append(F(MarksY)).Append("\"/>")
                .Append(Shape(mark, x))
                .Append("</g>\n");
        }

        svg.Append("</g>\n");
    }

    /// <summary>What a record shows as below the segments; null for the ones the segments already tell (a release that went through).</summary>
    private static string? MarkOf(LedgerRecord record) => record switch
    {
        { Kind: LedgerRecordKind.Refusal } or { Outcome: LedgerOutcome.Refused } => "refusal",
        { Outcome: LedgerOutcome.Failed or LedgerOutcome.Interrupted } => "failure",
        { Kind: LedgerRecordKind.Rollback, Outcome: not LedgerOutcome.Started } => "rollback",
        { Kind: LedgerRecordKind.Approval } => "approval",
        _ => null,
    };

    private static string Shape(string mark, double x)
    {
        var (cx, cy) = (F(x), MarksY);
        return mark switch
        {
            "refusal" or "failure" => $"<path d=\"M{F(x - 5)},{F(cy - 5)} L{F(x + 5)},{F(cy + 5)} M{F(x - 5)},{F(cy + 5)} L{F(x + 5)},{F(cy - 5)}\"/>",
            "rollback" => $"<path d=\"M{F(x + 6)},{F(cy - 6)} L{F(x - 6)},{F(cy)} L{F(x + 6)},{F(cy + 6)} z\"/>",
            _ => $"<circle cx=\"{cx}\" cy=\"{F(cy)}\" r=\"4.5\"/>",
        };
    }

    private static void AppendAxis(StringBuilder svg, TimeAxis axis)
    {
        svg.Append("<g class=\"axis\"><line x1=\"0\" y1=\"").Append(F(AxisY)).Append("\" x2=\"").Append(F(Width)).Append("\" y2=\"").Append(F(AxisY)).Append("\"/>\n");
        foreach (var (time, label) in axis.Ticks())
        {
            var x = axis.X(new DateTimeOffset(time));
            svg.Append("<g class=\"tick\" data-time=\"").Append(Iso(new DateTimeOffset(time))).Append("\"><line x1=\"").Append(F(x)).Append("\" y1=\"").Append(F(AxisY)).Append("\" x2=\"").Append(F(x)).Append("\" y2=\"").Append(F(AxisY + 5)).Append("\"/>")
                .Append("<text x=\"").Append(F(x)).Append("\" y=\"").Append(F(AxisY + 18)).Append("\">").Append(label).Append("</text></g>\n");
        }

        svg.Append("</g>\n");
    }

    internal static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    internal static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    private static string F(double value) => PageNumbers.Format(value);
}
