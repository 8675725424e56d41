namespace Pipeline.Reports;

/// <summary>Where the pages go by default, under the repository's <c>artifacts/</c> folder, so CI keeps them with the rest.</summary>
internal static class ReportFiles
{
    public const string RunReport = "report.html";

    public const string Plan = "plan.html";

    /// <summary>An environment's history page: <c>history-production.html</c>; what a file name cannot hold becomes '-'.</summary>
    public static string HistoryOf(string environment) =>
        $"history-{new string([.. environment.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')])}.html";
}
