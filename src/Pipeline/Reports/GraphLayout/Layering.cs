namespace Pipeline.Reports.GraphLayout;

/// <summary>
/// Puts every node on a layer so that every edge goes down at least one layer: the longest path from a node with no
/// predecessors, then nodes with no predecessors moved down to just above their nearest successor (a target that only
/// orders another belongs next to it, not at the top). Linear in nodes plus edges.
/// </summary>
internal static class Layering
{
    /// <param name="successors">Each node's successors; the graph must be acyclic (nodes on a cycle end up on the last layer).</param>
    public static int[] Assign(IReadOnlyList<IReadOnlyList<int>> successors)
    {
        var count = successors.Count;
        var waitingFor = new int[count];
        var predecessorCount = new int[count];
        foreach (var next in successors)
        {
            foreach (var to in next)
            {
                waitingFor[to]++;
                predecessorCount[to]++;
            }
        }

        var layer = new int[count];
        var order = new List<int>(count);
        var ready = new Queue<int>(Enumerable.Range(0, count).Where(n => waitingFor[n] == 0));
        while (ready.TryDequeue(out var node))
        {
            order.Add(node);
            foreach (var to in successors[node])
            {
                layer[to] = Math.Max(layer[to], layer[node] + 1);
                if (--waitingFor[to] == 0)
                {
                    ready.Enqueue(to);
                }
            }
        }

        if (order.Count < count)
        {
            // Not reachable for a plan (the planner refuses cycles); kept total so a page is still drawn.
            var last = order.Count == 0 ? 0 : order.Max(n => layer[n]) + 1;
            for (var node = 0; node < count; node++)
            {
                if (waitingFor[node] > 0)
                {
                    layer[node] = last;
                }
            }

            return layer;
        }

        foreach (var node in order)
        {
            if (predecessorCount[node] == 0 && successors[node].Count > 0)
            {
                layer[node] = successors[node].Min(to => layer[to]) - 1;
            }
        }

        return layer;
    }
}
