namespace Pipeline.Planning;

/// <summary>Names one cycle among the targets Kahn's algorithm could not order.</summary>
internal static class CycleFinder
{
    /// <summary>
    /// Walks "must come after" edges from a stuck target. Every stuck target waits on another stuck one,
    /// so the walk must revisit a target; the stretch between the two visits is the cycle.
    /// Returned in dependency order: <c>A -> B</c> reads "A needs B first".
    /// </summary>
    public static IReadOnlyList<string> Find(int[][] predecessors, int[] waitingFor, Target[] targets)
    {
        var start = Array.FindIndex(waitingFor, w => w > 0);
        var seenAt = new Dictionary<int, int>();
        var path = new List<int>();
        var current = start;
        while (!seenAt.ContainsKey(current))
        {
            seenAt[current] = path.Count;
            path.Add(current);
            current = predecessors[current].First(p => waitingFor[p] > 0);
        }

        var cycle = path.Skip(seenAt[current]).Append(current);
        return [.. cycle.Select(i => targets[i].Name)];
    }
}
