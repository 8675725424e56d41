using System.Text;
using Pipeline.Execution;

namespace Pipeline.Reports;

/// <summary>
/// <c>artifacts/report.html</c>, written by every run: the host's identity of the run and how it ended, a timeline of
/// the targets in their parallel lanes, every target's outcome and why, the failures with their message and script
/// location, the closing lines, and each release decision. One self-contained file (see <see cref="Html"/>).
/// <para>
/// The same run gives the same bytes apart from its times, and every time is in one of a few marked places, so a
/// test can replace them: attributes named <c>x</c>, <c>width</c>, <c>datetime</c> or <c>data-*-ms</c>, the text of
/// elements with the class <c>time</c>, the axis (<c>&lt;g class="axis"&gt;</c>) and the durations in tooltips.
/// Plain appends, no serializer or reflection: it is written on every run, the no-change one too.
/// </para>
/// </summary>
internal static class RunReport
{
    public static string Render(RunContext run, RunResult result)
    {
        var text = new ReportText(run.Secrets);
        var build = run.Build.Root.Name;
        var body = new StringBuilder(16 * 1024);
        RunReportHeader.Append(body, text, build, run.Identity, result);
        body.Append("<main>\n");
        RunReportTimeline.Append(body, text, result, run.Timeline.Processes);
        RunReportTargets.Append(body, text, result);
        AppendClosingLines(body, text, run.ClosingLines);
        RunReportReleases.Append(body, text, run.Delivery?.Report.Decisions ?? []);
        body.Append("</main>");
        return Html.Page($"{build}: run report", RunReportStyle.Css, body.ToString());
    }

    private static void AppendClosingLines(StringBuilder page, ReportText text, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        page.Append("<section id=\"closing-lines\">\n<h2>Closing lines</h2>\n<pre class=\"closing-lines\">");
        foreach (var line in lines)
        {
            page.Append(text.Of(line)).Append('\n');
        }

        page.Append("</pre>\n</section>\n");
    }
}
