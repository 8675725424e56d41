using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Pipeline.EndToEnd.Tests.Reports;

/// <summary>What the tests read from <c>artifacts/report.html</c>: the timeline's bars from the DOM, and the file with its times replaced.</summary>
internal static partial class RunReportPage
{
    /// <summary>
    /// The report with every time replaced by <c>(time)</c>, in the places the report keeps them: the attributes
    /// <c>x</c>, <c>width</c>, <c>datetime</c> and <c>data-*-ms</c>, the text of <c>class="time"</c> elements, the axis,
    /// and durations in tooltips.
    /// </summary>
    public static string WithoutTimes(string html)
    {
        html = TimeAttribute().Replace(html, "$1=\"(time)\"");
        html = Axis().Replace(html, "<g class=\"axis\">(time)</g>");
        html = TimeText().Replace(html, "$1(time)");
        return Duration().Replace(html, "(time)");
    }

    /// <summary>Every bar of the timeline, as the page's DOM has it.</summary>
    public static async Task<IReadOnlyList<TimelineBar>> BarsAsync(IPage page)
    {
        var rows = await page.EvaluateAsync<string[][]>(
            "() => Array.from(document.querySelectorAll('svg.timeline svg.bar')).map(b => [b.dataset.target, b.dataset.outcome, b.dataset.lane, b.dataset.startMs, b.dataset.durationMs])");
        return [.. rows.Select(r => new TimelineBar(r[0], r[1], int.Parse(r[2], CultureInfo.InvariantCulture), Number(r[3]), Number(r[4])))];
    }

    /// <summary>The child processes drawn inside <paramref name="target"/>'s bar: their exit codes.</summary>
    public static Task<string[]> ProcessExitCodesAsync(IPage page, string target) =>
        page.EvaluateAsync<string[]>(
            "target => Array.from(document.querySelectorAll('svg.bar')).filter(b => b.dataset.target === target).flatMap(b => Array.from(b.querySelectorAll('rect.process'))).map(p => p.dataset.exitCode)",
            target);

    /// <summary>Everything a reader or a script of the page could see: the markup (attributes included) and the rendered text.</summary>
    public static async Task<string> EverythingShownAsync(IPage page) =>
        await page.EvaluateAsync<string>("() => document.documentElement.outerHTML + '\\n' + document.body.innerText + '\\n' + document.title");

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex("\\b(x|width|datetime|data-[a-z-]+-ms)=\"[-0-9.:TZ]*\"")]
    private static partial Regex TimeAttribute();

    [GeneratedRegex("<g class=\"axis\">.*?</g>", RegexOptions.Singleline)]
    private static partial Regex Axis();

    [GeneratedRegex("(class=\"[^\"]*\\btime\\b[^\"]*\"[^>]*>)[^<]*")]
    private static partial Regex TimeText();

    [GeneratedRegex(@"(?<![\w.])(?:\d+ min \d\d s|\d+\.\d s|\d+ ms|\d+ h \d\d min)(?!\w)")]
    private static partial Regex Duration();
}

/// <summary>One target's bar on the timeline.</summary>
internal sealed record TimelineBar(string Target, string Outcome, int Lane, double StartMs, double DurationMs)
{
    public double EndMs => StartMs + DurationMs;
}
