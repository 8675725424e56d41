namespace Pipeline.Reports.GraphLayout;

/// <summary>
/// Horizontal centres for ordered layers: each node is pulled towards the mean centre of its neighbours, layer by
/// layer down and up a few times, while keeping its layer's order and a gap to its neighbours. Each layer is solved
/// exactly as an isotonic regression (pool adjacent violators), so a pass is linear in the layer's size.
/// </summary>
internal static class Coordinates
{
    private const int Rounds = 4;

    /// <param name="width">Each node's width (dummies: 0).</param>
    /// <param name="gap">The space kept between two neighbours in a layer, by whether each is a dummy.</param>
    /// <returns>Each node's horizontal centre, the leftmost edge at 0.</returns>
    public static double[] Assign(ProperGraph graph, IReadOnlyList<List<int>> order, double[] width, Func<int, int, double> gap)
    {
        var centre = new double[graph.NodeCount];
        foreach (var layer in order)
        {
            var x = 0.0;
            for (var i = 0; i < layer.Count; i++)
            {
                x += i == 0 ? width[layer[i]] / 2 : Separation(layer[i - 1], layer[i]);
                centre[layer[i]] = x;
            }
        }

        for (var round = 0; round < Rounds; round++)
        {
            for (var l = 1; l < order.Count; l++)
            {
                Place(order[l], graph.Up);
            }

            for (var l = order.Count - 2; l >= 0; l--)
            {
                Place(order[l], graph.Down);
            }
        }

        var left = graph.NodeCount == 0 ? 0 : Enumerable.Range(0, graph.NodeCount).Min(n => centre[n] - (width[n] / 2));
        for (var n = 0; n < centre.Length; n++)
        {
            centre[n] -= left;
        }

        return centre;

        double Separation(int a, int b) => (width[a] / 2) + gap(a, b) + (width[b] / 2);

        void Place(List<int> layer, IReadOnlyList<List<int>> neighbours)
        {
            // With o[i] the least distance from the layer's first node, centre = o[i] + y[i] and y must not decrease.
            var offset = new double[layer.Count];
            var wanted = new double[layer.Count];
            for (var i = 0; i < layer.Count; i++)
            {
                offset[i] = i == 0 ? 0 : offset[i - 1] + Separation(layer[i - 1], layer[i]);
                var around = neighbours[layer[i]];
                wanted[i] = (around.Count == 0 ? centre[layer[i]] : around.Average(n => centre[n])) - offset[i];
            }

            var fitted = Isotonic(wanted);
            for (var i = 0; i < layer.Count; i++)
            {
                centre[layer[i]] = offset[i] + fitted[i];
            }
        }
    }

    /// <summary>The non-decreasing sequence nearest to <paramref name="values"/> (least squares), by pooling adjacent violators.</summary>
    internal static double[] Isotonic(double[] values)
    {
        var means = new List<double>(values.Length);
        var sizes = new List<int>(values.Length);
        foreach (var value in values)
        {
            means.Add(value);
            sizes.Add(1);
            while (means.Count > 1 && means[^2] > means[^1])
            {
                var size = sizes[^2] + sizes[^1];
                var mean = ((means[^2] * sizes[^2]) + (means[^1] * sizes[^1])) / size;
                means.RemoveAt(means.Count - 1);
                sizes.RemoveAt(sizes.Count - 1);
                means[^1] = mean;
                sizes[^1] = size;
            }
        }

        var result = new double[values.Length];
        var index = 0;
        for (var block = 0; block < means.Count; block++)
        {
            for (var k = 0; k < sizes[block]; k++)
            {
                result[index++] = means[block];
            }
        }

        return result;
    }
}
