using System.Text.Json;
using Pipeline.EndToEnd.Tests.Delivery;
using Pipeline.EndToEnd.Tests.Infrastructure.Browser;

using static Pipeline.EndToEnd.Tests.Delivery.ReleaseTestKit;

namespace Pipeline.EndToEnd.Tests.Reports;

/// <summary><c>--history ENV --html</c> after real releases: the page opened in headless chromium agrees with <c>--history ENV --json</c>.</summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class HistoryPageTests
{
    [Fact]
    public async Task History_as_html_after_a_refusal_and_an_approved_release_has_the_records_of_the_json_history_newest_first_and_the_version_strip()
    {
        using var repo = await DeliveryRepo.CreateAsync(packed: false);
        (await repo.RunAsync()).ShouldExitWith(0);
        (await repo.RunAsync("Release")).ShouldExitWith(3);
        (await repo.RunAsync(DeliveryRepo.As(DeliveryRepo.Approver), "Release", "--approve", "--comment", "CHG-1042")).ShouldExitWith(0);

        var result = await repo.RunAsync("--history", "production", "--html");

        result.ShouldExitWith(0);
        var page = repo.Repository.Path("artifacts/history-production.html");
        result.OutputShouldContain($"Wrote the history of production to {page}");
        var json = await repo.RunAsync("--history", "production", "--json");
        json.ShouldExitWith(0);
        using var history = JsonDocument.Parse(json.StandardOutput);
        var records = history.RootElement.EnumerateArray().ToList();
        Assert.Equal(["refusal", "approval", "release", "release"], records.Select(r => Text(r, "kind")));

        await using var opened = await HeadlessChromium.OpenAsync(page);
        await opened.ScreenshotAsync("history-page");

        var rows = await opened.Page.EvaluateAsync<string[][]>("""
            [...document.querySelectorAll('#records tbody tr')].map(tr => [...tr.cells].map(td => td.innerText.trim()))
            """);
        var expected = records.AsEnumerable().Reverse().Select(r => new[] { Text(r, "kind"), Text(r, "outcome"), Text(r, "version"), Text(r, "who") });
        Assert.Equal(expected.Select(r => string.Join(" | ", r)), rows.Select(r => string.Join(" | ", r[1], r[2], r[3], r[6])));
        Assert.Contains(rows, r => r[1] == "refusal" && r[9].Contains("approval: no approval for", StringComparison.Ordinal));
        Assert.Contains(rows, r => r[1] == "approval" && r[10] == "CHG-1042");

        // The strip: the released version from its release on, the refusal and the approval as marks before it.
        var version = Text(records[^1], "version");
        var segments = await opened.Page.EvaluateAsync<string[]>("[...document.querySelectorAll('#strip .segment')].map(g => g.dataset.version + ' ' + g.dataset.until)");
        Assert.Equal([$"{version} now"], segments);
        var marks = await opened.Page.EvaluateAsync<string[]>("[...document.querySelectorAll('#strip .mark')].map(g => g.dataset.kind)");
        Assert.Equal(["refusal", "approval"], marks);
        Assert.Contains($"In production now: {version}", await opened.Page.Locator("#current").InnerTextAsync(), StringComparison.Ordinal);

        Assert.Empty(opened.RefusedRequests);
        Assert.Empty(opened.Messages);
    }

    [Fact]
    public async Task History_as_html_of_a_ledger_edited_by_hand_warns_naming_the_line_shows_only_what_verifies_and_exits_3()
    {
        using var repo = await DeliveryRepo.CreateAsync(packed: false);
        (await repo.RunAsync("PublishQa")).ShouldExitWith(0);
        var ledger = repo.Repository.Path(".pipeline/records/qa/ledger.jsonl");
        var lines = File.ReadAllLines(ledger);
        File.WriteAllLines(ledger, [lines[0].Replace(DeliveryRepo.Author, "someone@example.com", StringComparison.Ordinal), .. lines[1..]]);

        var result = await repo.RunAsync("--history", "qa", "--html");

        result.ShouldExitWith(3);
        result.ShouldShowNoStackTrace();
        Assert.Contains("does not verify from line 2 on", result.StandardError, StringComparison.Ordinal);
        await using var opened = await HeadlessChromium.OpenAsync(repo.Repository.Path("artifacts/history-qa.html"));
        var banner = await opened.Page.Locator("#broken").InnerTextAsync();
        Assert.StartsWith("The ledger does not verify from line 2 on: line 2 does not follow line 1: line 1 was changed", banner, StringComparison.Ordinal);
        Assert.Contains("The 1 record(s) before it verify and are shown; nothing from line 2 on is.", banner, StringComparison.Ordinal);
        Assert.Equal(1, await opened.Page.Locator("#records tbody tr").CountAsync());
        Assert.Empty(opened.RefusedRequests);
    }
}
