namespace Pipeline.Reports;

/// <summary>
/// The history pages the run report links to: for every environment this run decided a release for, its ledger as a
/// page next to the report (<c>artifacts/history-production.html</c>), read after the run so it holds this run's record.
/// </summary>
internal static class ReleaseHistoryPages
{
    public static void Write(RunContext run, string folder)
    {
        if (run.Delivery is not { } delivery)
        {
            return;
        }

        foreach (var name in delivery.Report.Decisions.Select(d => d.Environment).Distinct(StringComparer.Ordinal))
        {
            var environment = run.Build.FindEnvironment(name);
            var ledger = delivery.LedgerOf(environment);
            var reading = ledger.Verify();
            var page = HistoryPage.Render(environment, reading.Records, ledger.Location, reading.Break);
            AtomicFile.WriteAllText(Path.Combine(folder, ReportFiles.HistoryOf(environment.Name)), run.Secrets.Apply(page), durable: false);
        }
    }
}
