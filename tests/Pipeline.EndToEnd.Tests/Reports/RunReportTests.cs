using Pipeline.EndToEnd.Tests.Infrastructure;
using Pipeline.EndToEnd.Tests.Infrastructure.Browser;

namespace Pipeline.EndToEnd.Tests.Reports;

/// <summary>
/// <c>artifacts/report.html</c> of a real parallel run, opened in headless chromium: every target with its outcome, lanes
/// that never overlap in time, child processes inside their targets, the failure's message and script line, the skip's
/// reason; nothing fetched, no script error, and the run's secret nowhere, though it has HTML's special characters.
/// </summary>
public sealed class RunReportTests : IDisposable
{
    // Left and Right each wait (bounded) for the other's marker file: when both succeed they ran at the same time.
    private const string Script = """
        var token = Secret("token", "A token the report must never show.");


        """ + MeetingTargets.Meet + """
        var left = Target("Left").Executes(() => Meet("Left", "Right"));
        var right = Target("Right").Executes(() => Meet("Right", "Left"));
        var docs = Target("Docs").DependsOn(left).OnlyWhen(() => false, "no docs in this repository");
        var check = Target("Check").DependsOn(left, right).Executes(() =>
        {
            Console.WriteLine($"checking with {token.Value}");
            WriteAtEnd($"Check used {token.Value}");
            throw new InvalidOperationException($"the check failed with {token.Value}");
        });
        var publish = Target("Publish").DependsOn(check).Executes(() => Console.WriteLine("publishing"));
        Default(publish);
        """;

    private const string Secret = "se&cr<et>4711";

    private readonly TempRepo _repo = new(Script);

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task A_parallel_run_s_report_shows_every_target_in_lanes_that_never_overlap_with_failure_skip_and_no_secret()
    {
        var result = await _repo.RunAsync("--parallel", "2", "Publish", "Docs", "--token", Secret);

        result.ShouldExitWith(1);
        Assert.Equal("succeeded", result.OutcomeOf("Left"));
        Assert.Equal("succeeded", result.OutcomeOf("Right"));
        var report = _repo.Path("artifacts/report.html");
        var file = await File.ReadAllTextAsync(report);
        Assert.DoesNotContain(Secret, file, StringComparison.Ordinal);
        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(Secret), file, StringComparison.Ordinal);

        await using var opened = await HeadlessChromium.OpenAsync(report);
        var page = opened.Page;
        await opened.ScreenshotAsync("run-report-parallel");

        var bars = await RunReportPage.BarsAsync(page);
        Assert.Equal(["Check", "Docs", "Left", "Right"], bars.Select(b => b.Target).Order(StringComparer.Ordinal));
        Assert.Equal("succeeded", Bar(bars, "Left").Outcome);
        Assert.Equal("succeeded", Bar(bars, "Right").Outcome);
        Assert.Equal("skipped", Bar(bars, "Docs").Outcome);
        Assert.Equal("failed", Bar(bars, "Check").Outcome);

        // Left and Right ran at the same time, so they are drawn in two lanes, overlapping in time.
        Assert.NotEqual(Bar(bars, "Left").Lane, Bar(bars, "Right").Lane);
        Assert.True(Bar(bars, "Left").StartMs < Bar(bars, "Right").EndMs && Bar(bars, "Right").StartMs < Bar(bars, "Left").EndMs, string.Join("\n", bars));
        foreach (var lane in bars.GroupBy(b => b.Lane))
        {
            var inOrder = lane.OrderBy(b => b.StartMs).ToList();
            for (var i = 1; i < inOrder.Count; i++)
            {
                // A thousandth of a millisecond: what rounding to the microsecond can cost.
                Assert.True(inOrder[i].StartMs >= inOrder[i - 1].EndMs - 0.002, $"{inOrder[i - 1]} and {inOrder[i]} overlap in lane {lane.Key}");
            }
        }

        Assert.Equal(["0"], await RunReportPage.ProcessExitCodesAsync(page, "Left"));
        Assert.Equal(["0"], await RunReportPage.ProcessExitCodesAsync(page, "Right"));

        Assert.Equal("not-run", await page.Locator("table.targets tr[data-target='Publish']").GetAttributeAsync("data-outcome"));
        Assert.Contains("Check failed", await page.Locator("table.targets tr[data-target='Publish'] td.details").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("no docs in this repository", await page.Locator("table.targets tr[data-target='Docs'] td.details").InnerTextAsync());

        var failure = page.Locator("#failures article.failure[data-target='Check']");
        Assert.Contains("the check failed with ****", await failure.Locator("pre.message").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal($"at build/build.csx:{LineOf("throw new InvalidOperationException")}", await failure.Locator("p.location").InnerTextAsync());
        Assert.Contains("Check used ****", await page.Locator("pre.closing-lines").InnerTextAsync(), StringComparison.Ordinal);

        Assert.Equal("Build failed", await page.Locator("header .verdict").InnerTextAsync());
        Assert.Equal("1", await page.Locator("dd[data-field='exit-code']").InnerTextAsync());
        Assert.Empty(opened.RefusedRequests);
        Assert.Empty(opened.Messages);
        Assert.DoesNotContain(Secret, await RunReportPage.EverythingShownAsync(page), StringComparison.Ordinal);
    }

    private static TimelineBar Bar(IReadOnlyList<TimelineBar> bars, string target) =>
        Assert.Single(bars, b => b.Target == target);

    /// <summary>The 1-based line of the script holding <paramref name="text"/>.</summary>
    private static int LineOf(string text) => Script.Split('\n').ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal)) + 1;
}
