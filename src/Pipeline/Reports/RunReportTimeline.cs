using System.Globalization;
using System.Text;
using Pipeline.Execution;
using Pipeline.Output;

namespace Pipeline.Reports;

/// <summary>
/// The timeline: inline SVG with one row per parallel lane and a bar per target that started, from its start for its
/// duration, coloured by outcome, with the child processes it ran as thin bars inside it. Each bar is a nested
/// <c>&lt;svg&gt;</c>, which clips its name and processes to the bar. Bars carry <c>data-target</c>,
/// <c>data-outcome</c>, <c>data-lane</c>, <c>data-start-ms</c> and <c>data-duration-ms</c> for tests and tools.
/// </summary>
internal static class RunReportTimeline
{
    private const double LabelWidth = 64;
    private const double PlotWidth = 920;
    private const double Width = LabelWidth + PlotWidth + 16;
    private const double LaneHeight = 30;
    private const double BarHeight = 24;
    private const double ProcessHeight = 5;
    private const double AxisHeight = 26;
    private const double MinimumBarWidth = 3;

    public static void Append(StringBuilder page, ReportText text, RunResult result, IReadOnlyList<ProcessSpan> processes)
    {
        var started = result.Targets.Where(t => t.Started is not null).ToList();
        page.Append("<section id=\"timeline\">\n<h2>Timeline</h2>\n");
        AppendLegend(page);
        if (started.Count == 0)
        {
            page.Append("<p class=\"empty\">No target started.</p>\n</section>\n");
            return;
        }

        // Loops, not LINQ over TimeSpan: its generic code would be compiled on every run.
        var lanes = 1;
        var end = result.WallTime;
        foreach (var target in started)
        {
            lanes = Math.Max(lanes, (target.Lane ?? 0) + 1);
            end = target.Started!.Value + target.Duration > end ? target.Started.Value + target.Duration : end;
        }

        var scale = new TimelineScale(end, PlotWidth);
        var height = (lanes * LaneHeight) + AxisHeight;
        page.Append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(ReportText.Number(Width)).Append(' ')
            .Append(ReportText.Number(height)).Append("\" role=\"img\" aria-label=\"When each target ran, one row per parallel lane\">\n");
        for (var lane = 0; lane < lanes; lane++)
        {
            var top = ReportText.Number(lane * LaneHeight);
            page.Append("<g class=\"lane\" data-lane=\"").Append(lane.ToString(CultureInfo.InvariantCulture)).Append("\"><rect class=\"lane-row\" x=\"")
                .Append(ReportText.Number(LabelWidth)).Append("\" y=\"").Append(top).Append("\" width=\"").Append(ReportText.Number(PlotWidth))
                .Append("\" height=\"").Append(ReportText.Number(LaneHeight)).Append("\"/><text class=\"lane-label\" x=\"0\" y=\"")
                .Append(ReportText.Number((lane * LaneHeight) + 19)).Append("\">lane ").Append((lane + 1).ToString(CultureInfo.InvariantCulture)).Append("</text></g>\n");
        }

        foreach (var target in started)
        {
            var own = processes.Where(p => ReferenceEquals(p.Target, target.Target)).ToList();
            own.Sort((a, b) => a.Started.CompareTo(b.Started));
            AppendBar(page, text, scale, target, own);
        }

        AppendAxis(page, scale, lanes * LaneHeight);
        page.Append("</svg>\n</section>\n");
    }

    private static void AppendLegend(StringBuilder page)
    {
        page.Append("<ul class=\"legend\">");
        foreach (var outcome in ReportOutcome.All)
        {
            page.Append("<li><span class=\"swatch outcome-").Append(outcome.Slug).Append("\"></span>").Append(outcome.Label).Append("</li>");
        }

        page.Append("<li><span class=\"swatch process\"></span>child process</li></ul>\n");
    }

    private static void AppendBar(StringBuilder page, ReportText text, TimelineScale scale, TargetResult target, IEnumerable<ProcessSpan> processes)
    {
        var outcome = ReportOutcome.Of(target);
        var start = target.Started!.Value;
        var x = LabelWidth + scale.X(start);

        // A few units wide at least, so a target of a few milliseconds (a skip) is still seen and hovered.
        var width = Math.Max(MinimumBarWidth, scale.X(start + target.Duration) - scale.X(start));
        var lane = target.Lane ?? 0;
        page.Append("<svg class=\"bar outcome-").Append(outcome.Slug).Append("\" data-target=\"").Append(text.Of(target.Target.Name))
            .Append("\" data-outcome=\"").Append(outcome.Slug).Append("\" data-lane=\"").Append(lane.ToString(CultureInfo.InvariantCulture))
            .Append("\" data-start-ms=\"").Append(ReportText.Milliseconds(start)).Append("\" data-duration-ms=\"").Append(ReportText.Milliseconds(target.Duration))
            .Append("\" x=\"").Append(ReportText.Number(x)).Append("\" y=\"").Append(ReportText.Number((lane * LaneHeight) + ((LaneHeight - BarHeight) / 2)))
            .Append("\" width=\"").Append(ReportText.Number(width)).Append("\" height=\"").Append(ReportText.Number(BarHeight)).Append("\">")
            .Append("<title>").Append(text.Of(Tooltip(target, outcome))).Append("</title>")
            .Append("<rect class=\"target\" width=\"100%\" height=\"100%\" rx=\"3\"/>")
            .Append("<text class=\"bar-label\" x=\"4\" y=\"15\">").Append(text.Of(target.Target.Name)).Append("</text>");
        foreach (var process in processes)
        {
            AppendProcess(page, text, scale, start, target.Duration, process);
        }

        page.Append("</svg>\n");
    }

    /// <summary>A child process inside its target's bar, clamped to the target's time (its clock and the target's differ by a hair).</summary>
    private static void AppendProcess(StringBuilder page, ReportText text, TimelineScale scale, TimeSpan targetStart, TimeSpan targetDuration, ProcessSpan process)
    {
        var from = Clamp(process.Started, targetStart, targetStart + targetDuration);
        var to = Clamp(process.Started + process.Duration, from, targetStart + targetDuration);
        var exit = process.ExitCode is { } code ? $"exit code {code.ToString(CultureInfo.InvariantCulture)}" : "did not exit by itself";
        page.Append("<rect class=\"process\" data-start-ms=\"").Append(ReportText.Milliseconds(process.Started)).Append("\" data-duration-ms=\"")
            .Append(ReportText.Milliseconds(process.Duration)).Append("\" data-exit-code=\"")
            .Append(process.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? string.Empty).Append("\" x=\"")
            .Append(ReportText.Number(scale.X(from) - scale.X(targetStart))).Append("\" y=\"").Append(ReportText.Number(BarHeight - ProcessHeight - 1))
            .Append("\" width=\"").Append(ReportText.Number(Math.Max(1, scale.X(to) - scale.X(from)))).Append("\" height=\"").Append(ReportText.Number(ProcessHeight))
            .Append("\"><title>").Append(text.Of($"{process.CommandLine}: {exit} after {Durations.Format(process.Duration)}")).Append("</title></rect>");
    }

    private static void AppendAxis(StringBuilder page, TimelineScale scale, double top)
    {
        page.Append("<g class=\"axis\"><line x1=\"").Append(ReportText.Number(LabelWidth)).Append("\" y1=\"").Append(ReportText.Number(top))
            .Append("\" x2=\"").Append(ReportText.Number(LabelWidth + PlotWidth)).Append("\" y2=\"").Append(ReportText.Number(top)).Append("\"/>");
        foreach (var tick in scale.Ticks)
        {
            var x = ReportText.Number(LabelWidth + scale.X(tick));
            page.Append("<line x1=\"").Append(x).Append("\" y1=\"").Append(ReportText.Number(top)).Append("\" x2=\"").Append(x).Append("\" y2=\"")
                .Append(ReportText.Number(top + 5)).Append("\"/><text x=\"").Append(x).Append("\" y=\"").Append(ReportText.Number(top + 18)).Append("\">")
                .Append(Durations.Format(tick)).Append("</text>");
        }

        page.Append("</g>\n");
    }

    private static string Tooltip(TargetResult target, ReportOutcome outcome)
    {
        var tooltip = $"{target.Target.Name}: {outcome.Label} in {Durations.Format(target.Duration)}, from {Durations.Format(target.Started!.Value)}";
        var reason = target.Reason ?? target.Slice?.Describe();
        return reason is null ? tooltip : $"{tooltip}\n{reason}";
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;
}
