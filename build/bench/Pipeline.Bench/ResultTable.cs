using System.Globalization;
using System.Text;

namespace Pipeline.Bench;

/// <summary>One line of the result table.</summary>
internal sealed record Row(string Measurement, string Median, string VersusFloor, string Target, string Result, string Notes)
{
    public const string Pass = "PASS";
    public const string Miss = "MISS";
    public const string NotMeasured = "NOT MEASURED";

    public static Row Info(string measurement, string value) => new(measurement, string.Empty, string.Empty, string.Empty, string.Empty, value);

    public static Row Failed(string measurement, string target, Exception exception) =>
        new(measurement, "-", "-", target, NotMeasured, exception.Message.Split('\n')[0].Trim());

    public static string Verdict(bool met) => met ? Pass : Miss;
}

/// <summary>The one table the harness prints: Markdown, with columns padded so it also reads as plain text.</summary>
internal static class ResultTable
{
    private static readonly string[] Headers = ["Measurement", "Median", "vs floor", "Target", "Result", "Runs and notes"];

    public static string Render(IReadOnlyList<Row> rows)
    {
        var cells = rows.Select(r => new[] { r.Measurement, r.Median, r.VersusFloor, r.Target, r.Result, r.Notes }).ToList();
        var widths = Headers.Select((header, column) => cells.Select(c => c[column].Length).Append(header.Length).Max()).ToArray();
        var text = new StringBuilder();
        Line(text, Headers, widths);
        Line(text, widths.Select((w, column) => column is 1 or 2 ? new string('-', w - 1) + ":" : new string('-', w)).ToArray(), widths);
        foreach (var row in cells)
        {
            Line(text, row, widths);
        }

        return text.ToString();
    }

    public static string Milliseconds(double ms) => ms.ToString(ms < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " ms";

    public static string Seconds(double ms) => (ms / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " s";

    public static string MiB(double mib) => mib.ToString("0.0", CultureInfo.InvariantCulture) + " MiB";

    public static string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    private static void Line(StringBuilder text, string[] cells, int[] widths)
    {
        text.Append('|');
        for (var column = 0; column < cells.Length; column++)
        {
            var cell = column is 1 or 2 ? cells[column].PadLeft(widths[column]) : cells[column].PadRight(widths[column]);
            text.Append(' ').Append(cell).Append(" |");
        }

        text.Append('\n');
    }
}
