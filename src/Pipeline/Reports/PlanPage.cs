using System.Text;
using Pipeline.Planning;

namespace Pipeline.Reports;

/// <summary>
/// <c>--plan --html</c>: every declared target and every edge between them as a graph (inline SVG, laid out here),
/// what this invocation would run highlighted, a legend, and the targets as a table with their notes.
/// </summary>
internal static class PlanPage
{
    /// <param name="incremental">For incremental targets: whether each would run, and why (as <c>--plan</c> prints it).</param>
    public static string Render(Build build, ExecutionPlan plan, IReadOnlyDictionary<Target, string>? incremental)
    {
        var graph = PlanGraph.Of(build.Targets, plan, incremental);
        int Count(PlanNodeState state) => graph.Nodes.Count(n => n.State == state);
        var body = new StringBuilder();
        body.Append("<header>\n<h1>Plan of ").Append(Html.Escape(build.Root.Name)).Append("</h1>\n")
            .Append("<p class=\"summary\">Requested: ").Append(string.Join(", ", plan.Requested.Select(t => $"<b>{Html.Escape(t.Name)}</b>"))).Append(". ")
            .Append("<span id=\"counts\">").Append(Count(PlanNodeState.Runs)).Append(" of ").Append(graph.Nodes.Count).Append(" targets run")
            .Append(", ").Append(Count(PlanNodeState.Skipped)).Append(" skipped by --skip")
            .Append(", ").Append(Count(PlanNodeState.NotPlanned)).Append(" not in this plan.</span></p>\n</header>\n")
            .Append(PlanPageAssets.Legend)
            .Append("<div class=\"zoom\" hidden><button type=\"button\" data-zoom=\"out\" title=\"Zoom out\">&#8722;</button>")
            .Append("<span id=\"zoom-level\">100%</span><button type=\"button\" data-zoom=\"in\" title=\"Zoom in\">+</button>")
            .Append("<button type=\"button\" data-zoom=\"fit\">Fit</button><button type=\"button\" data-zoom=\"reset\">100%</button>")
            .Append(" <span class=\"hint\">or Ctrl + wheel</span></div>\n")
            .Append("<div id=\"canvas\" class=\"canvas\">\n").Append(PlanGraphSvg.Render(graph)).Append("\n</div>\n");
        AppendTable(body, graph, plan);
        return Html.Page($"{build.Root.Name}: plan", PlanPageAssets.Style, body.ToString(), PlanPageAssets.Script);
    }

    private static void AppendTable(StringBuilder body, PlanGraph graph, ExecutionPlan plan)
    {
        body.Append("<h2>Targets</h2>\n<table id=\"targets\">\n<thead><tr><th>Target</th><th>Order</th><th>In this plan</th><th>Description</th><th>Note</th></tr></thead>\n<tbody>\n");
        foreach (var node in graph.Nodes)
        {
            var position = plan.Find(node.Target) is { } planned ? (planned.Position + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
            var state = PlanGraphSvg.Name(node.State);
            body.Append("<tr class=\"").Append(state).Append("\" data-target=\"").Append(Html.Escape(node.Target.Name)).Append("\" data-state=\"").Append(state).Append("\">")
                .Append("<td class=\"name\">").Append(Html.Escape(node.Target.Name)).Append(node.Target.IsHidden ? " <span class=\"tag\">hidden</span>" : string.Empty).Append("</td>")
                .Append("<td>").Append(position).Append("</td>")
                .Append("<td>").Append(node.State switch { PlanNodeState.Runs => "runs", PlanNodeState.Skipped => "skipped", _ => "no" }).Append("</td>")
                .Append("<td>").Append(Html.Escape(node.Target.DescriptionText)).Append("</td>")
                .Append("<td>").Append(Html.Escape(node.Note)).Append("</td></tr>\n");
        }

        body.Append("</tbody>\n</table>");
    }
}
