namespace Pipeline.Reports.GraphLayout;

/// <summary>
/// Counts edge crossings between neighbouring layers: sort a layer pair's edges by their upper end, then every pair
/// whose lower ends are out of order crosses, an inversion count done with a Fenwick tree (O(E log V), not O(E²)).
/// </summary>
internal static class CrossingCounter
{
    /// <param name="order">Each layer's nodes, left to right.</param>
    /// <param name="position">Each node's index within its layer.</param>
    public static long Count(ProperGraph graph, IReadOnlyList<List<int>> order, int[] position)
    {
        long total = 0;
        for (var l = 0; l + 1 < order.Count; l++)
        {
            total += Between(graph, order[l], order[l + 1].Count, position);
        }

        return total;
    }

    private static long Between(ProperGraph graph, List<int> upper, int lowerCount, int[] position)
    {
        // The upper layer is walked left to right, each node's lower ends sorted: the lower ends in sequence.
        var lowerEnds = new List<int>();
        foreach (var node in upper)
        {
            var start = lowerEnds.Count;
            lowerEnds.AddRange(graph.Down[node].Select(n => position[n]));
            lowerEnds.Sort(start, lowerEnds.Count - start, Comparer<int>.Default);
        }

        var tree = new int[lowerCount + 1];
        long crossings = 0;
        for (var i = 0; i < lowerEnds.Count; i++)
        {
            // Ends seen so far that lie strictly right of this one cross it.
            crossings += i - Prefix(tree, lowerEnds[i] + 1);
            for (var k = lowerEnds[i] + 1; k < tree.Length; k += k & -k)
            {
                tree[k]++;
            }
        }

        return crossings;
    }

    /// <summary>How many ends so far are at positions below <paramref name="count"/>.</summary>
    private static int Prefix(int[] tree, int count)
    {
        var sum = 0;
        for (var k = count; k > 0; k -= k & -k)
        {
            sum += tree[k];
        }

        return sum;
    }
}
