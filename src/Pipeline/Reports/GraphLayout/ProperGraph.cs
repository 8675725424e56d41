namespace Pipeline.Reports.GraphLayout;

/// <summary>
/// The layered graph with every edge that spans several layers cut into one-layer steps through dummy nodes, so that
/// crossings can be counted and reduced between neighbouring layers and a long edge is routed around the nodes between.
/// Nodes <c>0..RealNodes-1</c> are the real ones; the rest are dummies.
/// </summary>
internal sealed class ProperGraph
{
    private ProperGraph(int realNodes, List<int> layerOf, List<List<int>> down, List<List<int>> up, int[][] chains)
    {
        RealNodes = realNodes;
        LayerOf = layerOf;
        Down = down;
        Up = up;
        Chains = chains;
        Layers = layerOf.Count == 0 ? 0 : layerOf.Max() + 1;
    }

    public int RealNodes { get; }

    public int NodeCount => LayerOf.Count;

    public int Layers { get; }

    public IReadOnlyList<int> LayerOf { get; }

    /// <summary>Each node's neighbours one layer down.</summary>
    public IReadOnlyList<List<int>> Down { get; }

    /// <summary>Each node's neighbours one layer up.</summary>
    public IReadOnlyList<List<int>> Up { get; }

    /// <summary>For each distinct edge (in the order given), the nodes it passes: its source, its dummies, its target.</summary>
    public IReadOnlyList<int[]> Chains { get; }

    public bool IsDummy(int node) => node >= RealNodes;

    /// <param name="edges">Distinct edges, each from a lower layer to a higher one.</param>
    public static ProperGraph Build(int[] layer, IReadOnlyList<(int From, int To)> edges)
    {
        var layerOf = new List<int>(layer);
        var down = layer.Select(_ => new List<int>()).ToList();
        var up = layer.Select(_ => new List<int>()).ToList();
        var chains = new int[edges.Count][];
        for (var e = 0; e < edges.Count; e++)
        {
            var (from, to) = edges[e];
            var chain = new List<int> { from };
            var previous = from;
            for (var l = layer[from] + 1; l < layer[to]; l++)
            {
                var dummy = layerOf.Count;
                layerOf.Add(l);
                down.Add([]);
                up.Add([]);
                Link(previous, dummy);
                chain.Add(dummy);
                previous = dummy;
            }

            Link(previous, to);
            chain.Add(to);
            chains[e] = [.. chain];
        }

        return new ProperGraph(layer.Length, layerOf, down, up, chains);

        void Link(int upper, int lower)
        {
            down[upper].Add(lower);
            up[lower].Add(upper);
        }
    }
}
