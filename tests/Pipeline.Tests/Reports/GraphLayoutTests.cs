using Pipeline.Reports.GraphLayout;

namespace Pipeline.Tests.Reports;

/// <summary>The plan page's own layered layout: edges point down, nodes never overlap, crossings go away where they can.</summary>
public sealed class GraphLayoutTests
{
    [Fact]
    public void Every_edge_goes_down_at_least_one_layer_from_the_bottom_of_its_source_to_the_top_of_its_target()
    {
        // Restore -> Compile -> Test -> Pack -> Publish, Clean before Test, Lint beside Test.
        (int, int)[] edges = [(1, 2), (2, 3), (3, 4), (4, 5), (0, 3), (2, 6), (6, 5), (1, 5)];

        var drawing = LayeredLayout.Arrange(Widths(7), edges);

        ShouldPointDown(drawing, edges);
        ShouldNotOverlap(drawing);
        Assert.Equal(4, drawing.Nodes[5].Layer);

        // Clean has no predecessor: it sits just above the target it orders, not wherever a source starts.
        Assert.Equal(drawing.Nodes[3].Layer - 1, drawing.Nodes[0].Layer);
    }

    [Fact]
    public void A_layer_pair_whose_declaration_order_crosses_every_edge_is_untangled()
    {
        // A0..A4 over B0..B4 with Ai -> B(4-i): in declaration order every pair of edges crosses (10 crossings).
        (int, int)[] edges = [.. Enumerable.Range(0, 5).Select(i => (i, 9 - i))];

        var drawing = LayeredLayout.Arrange(Widths(10), edges);

        ShouldPointDown(drawing, edges);
        ShouldNotOverlap(drawing);
        Assert.Equal(0, drawing.Crossings);
        Assert.Equal(0, DrawnCrossings(drawing));
    }

    [Fact]
    public void A_long_edge_is_routed_through_every_layer_it_spans_and_the_crossings_drawn_are_the_ones_counted()
    {
        // Two chains of four, a long edge from the top of one to the bottom of the other, and a cross link.
        (int, int)[] edges = [(0, 1), (1, 2), (2, 3), (4, 5), (5, 6), (6, 7), (0, 7), (4, 3), (1, 6)];

        var drawing = LayeredLayout.Arrange(Widths(8), edges);

        ShouldPointDown(drawing, edges);
        ShouldNotOverlap(drawing);
        Assert.Equal(4, drawing.Edges[6].Count);
        Assert.Equal(drawing.Crossings, DrawnCrossings(drawing));
    }

    [Fact]
    public void Three_hundred_targets_of_a_random_dependency_graph_lay_out_without_overlaps_and_with_fewer_crossings_than_declared()
    {
        var random = new Random(14);
        var edges = new HashSet<(int, int)>();
        for (var to = 1; to < 300; to++)
        {
            // Like a build: each target depends on one to three earlier ones, mostly recent ones.
            for (var k = random.Next(1, 4); k > 0; k--)
            {
                edges.Add((Math.Max(0, to - 1 - (int)(random.NextDouble() * random.NextDouble() * to)), to));
            }
        }

        var list = edges.ToList();
        var drawing = LayeredLayout.Arrange(Widths(300), list);

        ShouldPointDown(drawing, list);
        ShouldNotOverlap(drawing);
        Assert.Equal(list.Count, drawing.Edges.Count);
        var declared = DeclarationOrderCrossings(Widths(300), list);
        Assert.True(drawing.Crossings < declared, $"{drawing.Crossings} crossings left of {declared} in declaration order.");
    }

    [Fact]
    public void Centres_kept_in_order_are_the_nearest_non_decreasing_sequence()
    {
        Assert.Equal([1.0, 2.5, 2.5, 4.0], Coordinates.Isotonic([1, 3, 2, 4]));
        Assert.Equal([2.0, 2.0, 2.0], Coordinates.Isotonic([3, 2, 1]));
    }

    private static double[] Widths(int count) => [.. Enumerable.Range(0, count).Select(i => 60.0 + (i % 7 * 10))];

    private static void ShouldPointDown(GraphDrawing drawing, IReadOnlyList<(int From, int To)> edges)
    {
        for (var e = 0; e < edges.Count; e++)
        {
            var (from, to) = (drawing.Nodes[edges[e].From], drawing.Nodes[edges[e].To]);
            Assert.True(to.Layer > from.Layer, $"Edge {edges[e]} goes from layer {from.Layer} to {to.Layer}.");
            var route = drawing.Edges[e];
            Assert.Equal(to.Layer - from.Layer + 1, route.Count);
            Assert.Equal(new Point(from.CentreX, from.Bottom), route[0]);
            Assert.Equal(new Point(to.CentreX, to.Top), route[^1]);
            Assert.True(route.Zip(route.Skip(1)).All(step => step.Second.Y > step.First.Y), $"Edge {edges[e]} turns back up.");
        }
    }

    private static void ShouldNotOverlap(GraphDrawing drawing)
    {
        foreach (var layer in drawing.Nodes.GroupBy(n => n.Layer))
        {
            var row = layer.OrderBy(n => n.Left).ToList();
            Assert.All(row, n => Assert.True(n.Left >= 0 && n.Right <= drawing.Width + 1e-6, $"{n} is outside the drawing's {drawing.Width}."));
            for (var i = 1; i < row.Count; i++)
            {
                Assert.True(row[i].Left >= row[i - 1].Right + LayeredLayout.NodeGap - 1e-6, $"{row[i - 1]} and {row[i]} overlap or touch.");
            }
        }

        var tops = drawing.Nodes.Select(n => (n.Layer, n.Top)).Distinct().ToList();
        Assert.Equal(tops.Select(t => t.Layer).Distinct().Count(), tops.Count);
    }

    /// <summary>Pairs of drawn segments between the same two layers whose ends are in opposite order: crossings, from the geometry alone.</summary>
    private static int DrawnCrossings(GraphDrawing drawing)
    {
        static int LayerOf(Point point) => (int)(point.Y / (LayeredLayout.NodeHeight + LayeredLayout.LayerGap));
        var segments = drawing.Edges.SelectMany(route => route.Zip(route.Skip(1))).ToList();
        var crossings = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            for (var j = i + 1; j < segments.Count; j++)
            {
                var (a, b) = (segments[i], segments[j]);
                if (LayerOf(a.First) == LayerOf(b.First) && (a.First.X - b.First.X) * (a.Second.X - b.Second.X) < -1e-9)
                {
                    crossings++;
                }
            }
        }

        return crossings;
    }

    /// <summary>What the graph would have with every layer left in declaration order (no sweeps).</summary>
    private static long DeclarationOrderCrossings(double[] widths, IReadOnlyList<(int From, int To)> edges)
    {
        var successors = widths.Select(_ => (IReadOnlyList<int>)new List<int>()).ToArray();
        foreach (var (from, to) in edges)
        {
            ((List<int>)successors[from]).Add(to);
        }

        var graph = ProperGraph.Build(Layering.Assign(successors), edges);
        var order = Enumerable.Range(0, graph.Layers).Select(l => Enumerable.Range(0, graph.NodeCount).Where(n => graph.LayerOf[n] == l).ToList()).ToList();
        var position = new int[graph.NodeCount];
        foreach (var layer in order)
        {
            for (var i = 0; i < layer.Count; i++)
            {
                position[layer[i]] = i;
            }
        }

        return CrossingCounter.Count(graph, order, position);
    }
}
