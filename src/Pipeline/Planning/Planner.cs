namespace Pipeline.Planning;

/// <summary>
/// Turns a request into a validated execution order. Iterative throughout (no recursion, so a chain of
/// 100,000 targets cannot overflow the stack) and O((targets + edges) log targets): the log is the heap
/// that keeps ready targets in declaration order.
/// </summary>
internal static class Planner
{
    public static ExecutionPlan Plan(IReadOnlyList<Target> declared, Target? defaultTarget, PlanRequest request)
    {
        var byName = new Dictionary<string, Target>(StringComparer.OrdinalIgnoreCase);
        foreach (var target in declared)
        {
            byName[target.Name] = target;
        }

        var requested = request.TargetNames.Count == 0
            ? [defaultTarget ?? throw new PlanningException(NoTargetMessage(declared))]
            : request.TargetNames.Select(name => Resolve(name, byName)).Distinct().ToList();
        var skipped = request.SkipNames.Select(name => Resolve(name, byName)).ToHashSet();

        var scheduled = request.OnlyRequested ? [.. requested] : Close(requested);
        var (byPosition, waitsFor, required, order) = Order(scheduled);
        if (scheduled.Count < declared.Count)
        {
            // A cycle is a mistake in the definition, whichever targets this run asks for.
            _ = Order(declared);
        }

        var newPosition = new int[order.Count];
        for (var i = 0; i < order.Count; i++)
        {
            newPosition[order[i]] = i;
        }

        var mustSucceed = WithoutDuplicates(required);
        return new ExecutionPlan(requested, [.. order.Select((p, i) => new PlannedTarget(
            byPosition[p],
            i,
            Array.ConvertAll(waitsFor[p], x => newPosition[x]),
            Array.ConvertAll(mustSucceed[p], x => newPosition[x]),
            skipped.Contains(byPosition[p])))]);
    }

    /// <summary>The targets in declaration order with their edges among themselves, and an order that respects them.</summary>
    private static (Target[] ByPosition, int[][] WaitsFor, List<int>[] Required, List<int> Order) Order(IEnumerable<Target> targets)
    {
        var position = new Dictionary<Target, int>();
        foreach (var target in targets.OrderBy(t => t.DeclarationIndex))
        {
            position[target] = position.Count;
        }

        var byPosition = position.Keys.ToArray();
        var predecessors = byPosition.Select(_ => new List<int>()).ToArray();
        var required = byPosition.Select(_ => new List<int>()).ToArray();
        void Edges(IReadOnlyList<Target> others, Target target, bool othersFirst, bool isRequired)
        {
            var self = position[target];
            foreach (var other in others)
            {
                if (position.TryGetValue(other, out var index))
                {
                    var (from, to) = othersFirst ? (index, self) : (self, index);
                    predecessors[to].Add(from);
                    if (isRequired)
                    {
                        required[to].Add(from);
                    }
                }
            }
        }

        foreach (var target in byPosition)
        {
            Edges(target.Dependencies, target, othersFirst: true, isRequired: true);
            Edges(target.TriggeredTargets, target, othersFirst: false, isRequired: true);
            Edges(target.RunsAfter, target, othersFirst: true, isRequired: false);
            Edges(target.RunsBefore, target, othersFirst: false, isRequired: false);
        }

        var waitsFor = WithoutDuplicates(predecessors);
        return (byPosition, waitsFor, required, TopologicalOrder(waitsFor, byPosition));
    }

    /// <summary>Each list without repeats, first occurrence kept; linear, with one marker array for all lists.</summary>
    private static int[][] WithoutDuplicates(List<int>[] lists)
    {
        var lastSeenIn = new int[lists.Length];
        Array.Fill(lastSeenIn, -1);
        var result = new int[lists.Length][];
        for (var i = 0; i < lists.Length; i++)
        {
            var unique = new List<int>(lists[i].Count);
            foreach (var item in lists[i])
            {
                if (lastSeenIn[item] != i)
                {
                    lastSeenIn[item] = i;
                    unique.Add(item);
                }
            }

            result[i] = [.. unique];
        }

        return result;
    }

    /// <summary>The requested targets plus everything they depend on or trigger, transitively.</summary>
    private static HashSet<Target> Close(IEnumerable<Target> requested)
    {
        var seen = new HashSet<Target>(requested);
        var pending = new Stack<Target>(seen);
        while (pending.TryPop(out var target))
        {
            foreach (var next in target.Dependencies.Concat(target.TriggeredTargets))
            {
                if (seen.Add(next))
                {
                    pending.Push(next);
                }
            }
        }

        return seen;
    }

    /// <summary>Kahn's algorithm; among ready targets the earliest declared goes first.</summary>
    private static List<int> TopologicalOrder(int[][] predecessors, Target[] targets)
    {
        var successors = targets.Select(_ => new List<int>()).ToArray();
        var waitingFor = new int[targets.Length];
        for (var to = 0; to < targets.Length; to++)
        {
            foreach (var from in predecessors[to])
            {
                successors[from].Add(to);
                waitingFor[to]++;
            }
        }

        // Positions follow declaration order, so the position itself is the priority.
        var ready = new PriorityQueue<int, int>(Enumerable.Range(0, targets.Length).Where(i => waitingFor[i] == 0).Select(i => (i, i)));
        var order = new List<int>(targets.Length);
        while (ready.TryDequeue(out var next, out _))
        {
            order.Add(next);
            foreach (var successor in successors[next])
            {
                if (--waitingFor[successor] == 0)
                {
                    ready.Enqueue(successor, successor);
                }
            }
        }

        return order.Count == targets.Length
            ? order
            : throw new PlanningException($"Dependency cycle: {string.Join(" -> ", CycleFinder.Find(predecessors, waitingFor, targets))}.");
    }

    internal static Target Resolve(string name, Dictionary<string, Target> byName)
    {
        if (byName.TryGetValue(name, out var target))
        {
            return target;
        }

        var visible = byName.Values.Where(t => !t.IsHidden).Select(t => t.Name);
        var suggestions = NameSuggester.Suggest(name, visible);
        var hint = suggestions.Count > 0 ? $" Did you mean {string.Join(" or ", suggestions.Select(s => $"'{s}'"))}?" : string.Empty;
        throw new PlanningException($"Unknown target '{name}'.{hint} Run with --help to list the targets.");
    }

    /// <summary>What a build with nothing to run is told, here and by the runner for a script with no code at all.</summary>
    internal const string NoTargetsDeclared =
        "The build declares no targets. Declare one and make it the default, for example: " +
        "var build = Target(\"Build\").Executes(() => Console.WriteLine(\"building\")); Default(build);";

    private static string NoTargetMessage(IReadOnlyList<Target> declared) => declared.Count == 0
        ? NoTargetsDeclared
        : $"No target was named and the build has no default target. Name one of: {string.Join(", ", declared.Where(t => !t.IsHidden).Select(t => t.Name))}.";
}
