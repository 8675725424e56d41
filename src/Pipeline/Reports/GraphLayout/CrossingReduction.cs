namespace Pipeline.Reports.GraphLayout;

/// <summary>
/// Orders each layer to reduce edge crossings: starting from the given order (declaration order, so a build reads as
/// written), a few barycenter sweeps down and up, each node moved to the mean position of its neighbours in the layer
/// just swept; the order with the fewest crossings seen is kept. O(sweeps × E log V).
/// </summary>
internal static class CrossingReduction
{
    /// <summary>Down-and-up sweep pairs: crossings rarely improve after a handful.</summary>
    public const int Iterations = 6;

    /// <returns>Each layer's nodes left to right, and the crossings that order has.</returns>
    public static (List<int>[] Order, long Crossings) Order(ProperGraph graph)
    {
        var order = Enumerable.Range(0, graph.Layers).Select(_ => new List<int>()).ToArray();
        for (var node = 0; node < graph.NodeCount; node++)
        {
            order[graph.LayerOf[node]].Add(node);
        }

        var position = new int[graph.NodeCount];
        Renumber(order, position);
        var best = Copy(order);
        var fewest = CrossingCounter.Count(graph, order, position);
        for (var i = 0; i < Iterations && fewest > 0; i++)
        {
            for (var l = 1; l < order.Length; l++)
            {
                Sort(order[l], graph.Up, position);
            }

            Keep();
            for (var l = order.Length - 2; l >= 0; l--)
            {
                Sort(order[l], graph.Down, position);
            }

            Keep();
        }

        return (best, fewest);

        void Keep()
        {
            var crossings = CrossingCounter.Count(graph, order, position);
            if (crossings < fewest)
            {
                fewest = crossings;
                best = Copy(order);
            }
        }
    }

    /// <summary>Sorts one layer by the mean position of each node's neighbours; a node without any keeps its place.</summary>
    private static void Sort(List<int> layer, IReadOnlyList<List<int>> neighbours, int[] position)
    {
        var keys = new double[layer.Count];
        for (var i = 0; i < layer.Count; i++)
        {
            var around = neighbours[layer[i]];
            keys[i] = around.Count == 0 ? position[layer[i]] : around.Average(n => position[n]);
        }

        // Stable: equal barycenters keep their current left-to-right order, so the result is deterministic.
        var sorted = Enumerable.Range(0, layer.Count).OrderBy(i => keys[i]).ThenBy(i => i).Select(i => layer[i]).ToList();
        layer.Clear();
        layer.AddRange(sorted);
        for (var i = 0; i < layer.Count; i++)
        {
            position[layer[i]] = i;
        }
    }

    private static void Renumber(List<int>[] order, int[] position)
    {
        foreach (var layer in order)
        {
            for (var i = 0; i < layer.Count; i++)
            {
                position[layer[i]] = i;
            }
        }
    }

    private static List<int>[] Copy(List<int>[] order) => [.. order.Select(layer => new List<int>(layer))];
}
