using Pipeline.EndToEnd.Tests.Delivery;
using Pipeline.EndToEnd.Tests.Infrastructure.Browser;

using static Pipeline.EndToEnd.Tests.Delivery.ReleaseTestKit;

namespace Pipeline.EndToEnd.Tests.Reports;

/// <summary>
/// A release run's report, opened in headless chromium: the environment, version, digest, every rule's verdict as the
/// run printed it, the approver, the outcome, and a link to the environment's history page.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class RunReportReleaseTests
{
    [Fact]
    public async Task A_release_s_report_shows_the_decision_with_every_verdict_the_approver_and_the_history_link()
    {
        using var repo = await DeliveryRepo.CreateAsync(packed: false);
        (await repo.RunAsync()).ShouldExitWith(0);
        var evidence = Records(repo, "qa")[^1];
        var (version, digest) = (Text(evidence, "version"), Text(evidence, "digest"));

        var released = await repo.RunAsync(DeliveryRepo.As(DeliveryRepo.Approver), "Release", "--approve");

        released.ShouldExitWith(0);
        await using var opened = await HeadlessChromium.OpenAsync(repo.Repository.Path("artifacts/report.html"));
        await opened.ScreenshotAsync("run-report-release");
        var release = opened.Page.Locator("#releases article.release[data-environment='production']");
        Assert.Equal(1, await release.CountAsync());
        Assert.Equal("done", await release.GetAttributeAsync("data-outcome"));
        Assert.Equal("production", await Field(release, "environment"));
        Assert.Equal("release", await Field(release, "kind"));
        Assert.Equal(version, await Field(release, "version"));
        Assert.Equal(digest, await Field(release, "digest"));
        Assert.Equal("continuous delivery", await Field(release, "mode"));
        Assert.Equal(DeliveryRepo.Approver, await Field(release, "approvers"));
        Assert.Equal("released", await Field(release, "outcome"));

        var printed = Rules(released);
        Assert.NotEmpty(printed);
        var shown = await release.Locator("table.rules tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [r.dataset.rule, r.dataset.verdict, r.cells[2].innerText])");
        Assert.Equal(
            printed.Select(r => $"{r.Name} {(r.Passed ? "passed" : "failed")} {r.Detail}"),
            shown.Select(r => $"{r[0]} {r[1]} {r[2]}"));

        Assert.Equal("history-production.html", await release.Locator("a.history").GetAttributeAsync("href"));

        // The page it links to is next to the report, written after the release, so it holds this release.
        var history = repo.Repository.ReadText("artifacts/history-production.html");
        Assert.Contains(version, history, StringComparison.Ordinal);
        Assert.Contains(DeliveryRepo.Approver, history, StringComparison.Ordinal);
        Assert.Empty(opened.RefusedRequests);
        Assert.Empty(opened.Messages);
    }

    private static Task<string> Field(Microsoft.Playwright.ILocator release, string name) =>
        release.Locator($"dd[data-field='{name}']").InnerTextAsync();
}
