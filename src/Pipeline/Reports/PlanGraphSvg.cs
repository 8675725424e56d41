using System.Text;
using Pipeline.Reports.GraphLayout;

namespace Pipeline.Reports;

/// <summary>
/// The plan's graph as inline SVG, laid out by <see cref="LayeredLayout"/>. Nodes and edges carry data attributes
/// (<c>data-target</c>, <c>data-state</c>, <c>data-hidden</c>; <c>data-from</c>, <c>data-to</c>, <c>data-kind</c>)
/// so tools and tests can read the graph back, and a <c>title</c> each as the tooltip.
/// </summary>
internal static class PlanGraphSvg
{
    /// <summary>Around the drawing, so arrowheads and borders at the edge are not cut.</summary>
    private const double Margin = 16;

    /// <summary>Node labels are monospace, so a label's width is known without measuring text.</summary>
    private const double CharacterWidth = 7.8;

    private const double LabelPadding = 24;

    public static string Render(PlanGraph graph)
    {
        var drawing = LayeredLayout.Arrange(
            [.. graph.Nodes.Select(n => Math.Max(64, LabelPadding + (CharacterWidth * n.Target.Name.Length)))],
            [.. graph.Edges.Select(e => (e.From, e.To))]);
        var width = drawing.Width + (2 * Margin);
        var height = drawing.Height + (2 * Margin);
        var svg = new StringBuilder();
        svg.Append("<svg id=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"")
            .Append(F(-Margin)).Append(' ').Append(F(-Margin)).Append(' ').Append(F(width)).Append(' ').Append(F(height))
            .Append("\" width=\"").Append(F(width)).Append("\" height=\"").Append(F(height))
            .Append("\" role=\"img\" aria-labelledby=\"graph-title\" data-crossings=\"").Append(drawing.Crossings).Append("\">\n")
            .Append("<title id=\"graph-title\">Dependency graph of ").Append(graph.Nodes.Count).Append(" targets</title>\n")
            .Append("<defs>\n");
        foreach (var kind in Enum.GetValues<PlanEdgeKind>())
        {
            svg.Append("<marker id=\"arrow-").Append(Name(kind))
                .Append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
                .Append("<path class=\"head ").Append(Name(kind)).Append("\" d=\"M0,0 L10,5 L0,10 z\"/></marker>\n");
        }

        svg.Append("</defs>\n<g class=\"edges\">\n");
        for (var e = 0; e < graph.Edges.Count; e++)
        {
            AppendEdge(svg, graph, graph.Edges[e], drawing.Edges[e]);
        }

        svg.Append("</g>\n<g class=\"nodes\">\n");
        for (var n = 0; n < graph.Nodes.Count; n++)
        {
            AppendNode(svg, graph.Nodes[n], drawing.Nodes[n]);
        }

        return svg.Append("</g>\n</svg>").ToString();
    }

    public static string Name(PlanEdgeKind kind) => kind switch
    {
        PlanEdgeKind.DependsOn => "depends-on",
        PlanEdgeKind.Order => "order",
        _ => "triggers",
    };

    public static string Name(PlanNodeState state) => state switch
    {
        PlanNodeState.Runs => "runs",
        PlanNodeState.Skipped => "skipped",
        _ => "not-planned",
    };

    private static void AppendEdge(StringBuilder svg, PlanGraph graph, PlanEdge edge, IReadOnlyList<Point> route)
    {
        var (from, to) = (graph.Nodes[edge.From], graph.Nodes[edge.To]);
        var active = from.State == PlanNodeState.Runs && to.State == PlanNodeState.Runs;
        var kind = Name(edge.Kind);
        svg.Append("<path class=\"edge ").Append(kind).Append(active ? " active" : " idle")
            .Append("\" data-from=\"").Append(Html.Escape(from.Target.Name))
            .Append("\" data-to=\"").Append(Html.Escape(to.Target.Name))
            .Append("\" data-kind=\"").Append(kind)
            .Append("\" marker-end=\"url(#arrow-").Append(kind).Append(")\" d=\"");
        for (var i = 0; i < route.Count; i++)
        {
            svg.Append(i == 0 ? "M" : " L").Append(F(route[i].X)).Append(',').Append(F(route[i].Y));
        }

        var meaning = edge.Kind switch
        {
            PlanEdgeKind.DependsOn => $"{to.Target.Name} depends on {from.Target.Name}",
            PlanEdgeKind.Order => $"{from.Target.Name} runs before {to.Target.Name} when both run (ordering only)",
            _ => $"{from.Target.Name} triggers {to.Target.Name}",
        };
        svg.Append("\"><title>").Append(Html.Escape(meaning)).Append("</title></path>\n");
    }

    private static void AppendNode(StringBuilder svg, PlanNode node, NodeBox box)
    {
        var target = node.Target;
        var tooltip = string.Join("\n", new[]
        {
            target.Name,
            node.State switch { PlanNodeState.Runs => "runs in this plan", PlanNodeState.Skipped => "skipped (--skip)", _ => "not in this plan" },
            target.IsHidden ? "hidden (not listed by --help)" : null,
            target.DescriptionText,
            node.Note.Length > 0 ? node.Note : null,
        }.OfType<string>());
        svg.Append("<g class=\"node ").Append(Name(node.State)).Append(target.IsHidden ? " hidden-target" : string.Empty)
            .Append("\" data-target=\"").Append(Html.Escape(target.Name))
            .Append("\" data-state=\"").Append(Name(node.State))
            .Append("\" data-hidden=\"").Append(target.IsHidden ? "true" : "false")
            .Append("\" data-layer=\"").Append(box.Layer).Append("\">")
            .Append("<title>").Append(Html.Escape(tooltip)).Append("</title>")
            .Append("<rect x=\"").Append(F(box.Left)).Append("\" y=\"").Append(F(box.Top))
            .Append("\" width=\"").Append(F(box.Width)).Append("\" height=\"").Append(F(box.Height)).Append("\" rx=\"6\"/>")
            .Append("<text x=\"").Append(F(box.CentreX)).Append("\" y=\"").Append(F(box.Top + (box.Height / 2)))
            .Append("\">").Append(Html.Escape(target.Name)).Append("</text></g>\n");
    }

    private static string F(double value) => PageNumbers.Format(value);
}
