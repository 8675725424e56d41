namespace Pipeline.Reports.GraphLayout;

/// <summary>
/// A layered (Sugiyama-style) drawing of a directed acyclic graph, top to bottom: <see cref="Layering"/> puts every
/// edge downwards, <see cref="ProperGraph"/> cuts long edges into steps, <see cref="CrossingReduction"/> orders the
/// layers and <see cref="Coordinates"/> places them. Near linear in nodes plus edge steps, so a few hundred targets
/// lay out at once.
/// </summary>
internal static class LayeredLayout
{
    public const double NodeHeight = 32;

    /// <summary>Between one layer's nodes and the next layer's.</summary>
    public const double LayerGap = 56;

    public const double NodeGap = 24;

    /// <summary>Beside a long edge passing a layer: half the gap between nodes, so a node, an edge and a node are as far apart as two nodes.</summary>
    public const double DummyGap = NodeGap / 2;

    /// <param name="widths">Each node's width.</param>
    /// <param name="edges">Edges between nodes; repeats are drawn along the same route.</param>
    public static GraphDrawing Arrange(IReadOnlyList<double> widths, IReadOnlyList<(int From, int To)> edges)
    {
        var count = widths.Count;
        var distinct = edges.Where(e => e.From != e.To).Distinct().ToList();
        var successors = Enumerable.Range(0, count).Select(_ => new List<int>()).ToArray();
        foreach (var (from, to) in distinct)
        {
            successors[from].Add(to);
        }

        var layer = Layering.Assign(successors);

        // Edges against the layering only arise from a cycle; they are drawn upwards rather than dropped.
        var downwards = distinct.Select(e => layer[e.From] > layer[e.To] ? (From: e.To, To: e.From) : e).ToList();
        var flat = downwards.Where(e => layer[e.From] == layer[e.To]).ToHashSet();
        var graph = ProperGraph.Build(layer, [.. downwards.Where(e => !flat.Contains(e))]);
        var (order, crossings) = CrossingReduction.Order(graph);

        var width = new double[graph.NodeCount];
        for (var n = 0; n < count; n++)
        {
            width[n] = widths[n];
        }

        var centre = Coordinates.Assign(graph, order, width, (a, b) => graph.IsDummy(a) || graph.IsDummy(b) ? DummyGap : NodeGap);
        double Top(int node) => graph.LayerOf[node] * (NodeHeight + LayerGap);

        var nodes = Enumerable.Range(0, count).Select(n => new NodeBox(centre[n] - (width[n] / 2), Top(n), width[n], NodeHeight, layer[n])).ToArray();
        var chainOf = new Dictionary<(int, int), int[]>();
        var proper = downwards.Where(e => !flat.Contains(e)).ToList();
        for (var e = 0; e < proper.Count; e++)
        {
            chainOf[proper[e]] = graph.Chains[e];
        }

        var routes = edges.Select(edge => Route(edge)).ToArray();
        var totalWidth = count == 0 ? 0 : Enumerable.Range(0, graph.NodeCount).Max(n => centre[n] + (width[n] / 2));
        var totalHeight = graph.Layers == 0 ? 0 : (graph.Layers * (NodeHeight + LayerGap)) - LayerGap;
        return new GraphDrawing(nodes, routes, totalWidth, totalHeight, crossings);

        IReadOnlyList<Point> Route((int From, int To) edge)
        {
            if (edge.From == edge.To)
            {
                return [];
            }

            var reversed = layer[edge.From] > layer[edge.To];
            var key = reversed ? (edge.To, edge.From) : edge;
            if (!chainOf.TryGetValue(key, out var chain))
            {
                // Two nodes on one layer (only from a cycle): a straight line between their sides.
                var (a, b) = (nodes[edge.From], nodes[edge.To]);
                return [new Point(a.CentreX, a.Top + (NodeHeight / 2)), new Point(b.CentreX, b.Top + (NodeHeight / 2))];
            }

            var points = new List<Point>(chain.Length) { new(centre[chain[0]], Top(chain[0]) + NodeHeight) };
            for (var i = 1; i < chain.Length - 1; i++)
            {
                points.Add(new Point(centre[chain[i]], Top(chain[i]) + (NodeHeight / 2)));
            }

            points.Add(new Point(centre[chain[^1]], Top(chain[^1])));
            if (reversed)
            {
                points.Reverse();
            }

            return points;
        }
    }
}

/// <summary>A node's box: its top-left corner, size, and layer (0 at the top).</summary>
internal sealed record NodeBox(double Left, double Top, double Width, double Height, int Layer)
{
    public double CentreX => Left + (Width / 2);

    public double Right => Left + Width;

    public double Bottom => Top + Height;
}

internal readonly record struct Point(double X, double Y);

/// <summary>A laid out graph: a box per node, a polyline per edge (as given), its size, and the crossings left.</summary>
internal sealed record GraphDrawing(IReadOnlyList<NodeBox> Nodes, IReadOnlyList<IReadOnlyList<Point>> Edges, double Width, double Height, long Crossings);
