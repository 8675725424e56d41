using System.Globalization;
using System.Text;
using Pipeline.Execution;
using Pipeline.Output;

namespace Pipeline.Reports;

/// <summary>Every scheduled target in plan order (outcome, start, duration, why), then each failure with its message and script location.</summary>
internal static class RunReportTargets
{
    public static void Append(StringBuilder page, ReportText text, RunResult result)
    {
        page.Append("<section id=\"targets\">\n<h2>Targets</h2>\n<table class=\"targets\">\n")
            .Append("<thead><tr><th>Target</th><th>Outcome</th><th class=\"number\">Start</th><th class=\"number\">Duration</th><th>Details</th></tr></thead>\n<tbody>\n");
        foreach (var target in result.Targets)
        {
            var outcome = ReportOutcome.Of(target);
            var ran = target.Outcome != TargetOutcome.NotRun;
            page.Append("<tr data-target=\"").Append(text.Of(target.Target.Name)).Append("\" data-outcome=\"").Append(outcome.Slug).Append("\"><td>")
                .Append(text.Of(target.Target.Name)).Append("</td><td><span class=\"outcome outcome-").Append(outcome.Slug).Append("\">").Append(outcome.Label)
                .Append("</span></td><td class=\"number time\">").Append(target.Started is { } start ? Durations.Format(start) : string.Empty)
                .Append("</td><td class=\"number time\">").Append(ran ? Durations.Format(target.Duration) : string.Empty)
                .Append("</td><td class=\"details\">").Append(text.Of(target.Reason ?? target.Slice?.Describe())).Append("</td></tr>\n");
        }

        page.Append("</tbody>\n</table>\n</section>\n");
        AppendFailures(page, text, result);
    }

    private static void AppendFailures(StringBuilder page, ReportText text, RunResult result)
    {
        var failures = result.Targets.Where(t => t.Outcome == TargetOutcome.Failed).ToList();
        if (failures.Count == 0)
        {
            return;
        }

        page.Append("<section id=\"failures\">\n<h2>Failures</h2>\n");
        foreach (var failure in failures)
        {
            page.Append("<article class=\"failure\" data-target=\"").Append(text.Of(failure.Target.Name)).Append("\">\n<h3>")
                .Append(text.Of(failure.Target.Name)).Append(' ').Append(ReportOutcome.Of(failure).Label).Append("</h3>\n");
            if (failure.Location is { } location)
            {
                page.Append("<p class=\"location\">at <code>").Append(text.Of(location.File)).Append(':')
                    .Append(location.Line.ToString(CultureInfo.InvariantCulture)).Append("</code></p>\n");
            }

            page.Append("<pre class=\"message\">").Append(text.Of(failure.Reason)).Append("</pre>\n</article>\n");
        }

        page.Append("</section>\n");
    }
}
