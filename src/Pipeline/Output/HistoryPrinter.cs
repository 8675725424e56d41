using System.Globalization;
using System.Text.Json;
using Pipeline.Delivery;
using Pipeline.Delivery.Records;
using Spectre.Console;

namespace Pipeline.Output;

/// <summary><c>--history ENV</c>: the environment's ledger as a table (oldest first), or as a JSON array with <c>--json</c>.</summary>
internal static class HistoryPrinter
{
    /// <returns>0, or 3 when the ledger's chain breaks (the records from the break on are not shown: they cannot be trusted).</returns>
    /// <param name="htmlPath">With <c>--html</c>: the page's file, written instead of the table.</param>
    public static int Print(PipelineConsole console, DeliveryEnvironment environment, RecordsStore records, bool json, string? htmlPath = null)
    {
        var ledger = records.LedgerOf(environment);
        var reading = ledger.Verify();
        if (htmlPath is not null)
        {
            AtomicFile.WriteAllText(htmlPath, Reports.HistoryPage.Render(environment, reading.Records, ledger.Location, reading.Break), durable: false);
            Console.Out.WriteLine($"Wrote the history of {environment.Name} to {htmlPath}");
        }
        else if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(reading.Records, Ledger.Json));
        }
        else if (reading.Records.Count == 0)
        {
            console.Ansi.MarkupLine($"No records for {Markup.Escape(environment.Name)} yet ({Markup.Escape(ledger.Location)}).");
        }
        else
        {
            var table = new Table().Title($"{Markup.Escape(environment.Name)}: {Markup.Escape(ledger.Location)}")
                .AddColumns("When (UTC)", "What", "Outcome", "Version", "Digest", "Commit", "Who", "Host", "Note");
            foreach (var record in reading.Records)
            {
                table.AddRow(
                    Cell(record.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                    Cell(LedgerNames.Of(record.Kind)),
                    Cell(LedgerNames.Of(record.Outcome)),
                    Cell(record.Version),
                    Cell(record.Digest.Length > 19 ? record.Digest[..19] : record.Digest),
                    Cell(record.Commit is { Length: > 10 } commit ? commit[..10] : record.Commit ?? string.Empty),
                    Cell(record.Who),
                    Cell(record.RunUrl is null ? record.Host : $"{record.Host} {record.RunUrl}"),
                    Cell(Note(record)));
            }

            console.Ansi.Write(table);
        }

        console.Flush();
        if (reading.Break is { } broken)
        {
            Console.Error.WriteLine(
                $"error: the ledger of {environment.Name} does not verify from line {broken.Line} on: line {broken.Line} {broken.Problem}. " +
                $"The {reading.Records.Count} record(s) before it verify and are shown; nothing from line {broken.Line} on is. A release to or from {environment.Name} is refused until the ledger is restored.");
            return ExitCodes.Refused;
        }

        if (reading.Unchained)
        {
            Console.Error.WriteLine($"note: {ledger.Location} was written before records were chained; its next record chains it.");
        }

        return ExitCodes.Success;
    }

    private static string Note(LedgerRecord record)
    {
        var failed = (record.Rules ?? []).Where(v => !v.Passed).Select(v => v.Name)
            .Concat((record.Checks ?? []).Where(c => !c.Passed).Select(c => c.Name))
            .ToList();
        return string.Join("; ", new[]
        {
            record.Comment,
            record.OverrideReason is null ? null : $"freeze overridden: {record.OverrideReason}",
            record.Error,
            failed.Count > 0 ? $"failed: {string.Join(", ", failed)}" : null,
        }.OfType<string>());
    }

    private static Markup Cell(string text) => new(Markup.Escape(text));
}
