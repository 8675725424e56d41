using Pipeline.Planning;

namespace Pipeline.Reports;

/// <summary>What a target is in this invocation's plan: it runs, it is left out by <c>--skip</c>, or it is not scheduled at all.</summary>
internal enum PlanNodeState
{
    Runs,
    Skipped,
    NotPlanned,
}

/// <summary>How one target constrains another: <c>DependsOn</c>, ordering only (<c>Before</c>/<c>After</c>), or <c>Triggers</c>.</summary>
internal enum PlanEdgeKind
{
    DependsOn,
    Order,
    Triggers,
}

/// <param name="Note">What <c>--plan</c> would say beside it: skipped, up to date or why it runs, conditions; empty when nothing.</param>
internal sealed record PlanNode(Target Target, PlanNodeState State, string Note);

/// <summary>An edge from the target that goes first to the one that goes after it.</summary>
internal sealed record PlanEdge(int From, int To, PlanEdgeKind Kind);

/// <summary>The whole build's targets (declaration order) and every edge between them, marked with what this plan does.</summary>
internal sealed record PlanGraph(IReadOnlyList<PlanNode> Nodes, IReadOnlyList<PlanEdge> Edges)
{
    public static PlanGraph Of(IReadOnlyList<Target> declared, ExecutionPlan plan, IReadOnlyDictionary<Target, string>? incremental)
    {
        var index = new Dictionary<Target, int>();
        for (var i = 0; i < declared.Count; i++)
        {
            index[declared[i]] = i;
        }

        var planned = plan.Order.ToDictionary(p => p.Target);
        var nodes = declared.Select(target =>
        {
            var state = !planned.TryGetValue(target, out var p) ? PlanNodeState.NotPlanned : p.SkippedByRequest ? PlanNodeState.Skipped : PlanNodeState.Runs;
            return new PlanNode(target, state, Note(target, state, incremental?.GetValueOrDefault(target)));
        }).ToList();

        var edges = new List<PlanEdge>();
        var seen = new HashSet<PlanEdge>();
        void Add(Target from, Target to, PlanEdgeKind kind)
        {
            if (index.TryGetValue(from, out var f) && index.TryGetValue(to, out var t) && seen.Add(new PlanEdge(f, t, kind)))
            {
                edges.Add(new PlanEdge(f, t, kind));
            }
        }

        foreach (var target in declared)
        {
            target.Dependencies.ToList().ForEach(d => Add(d, target, PlanEdgeKind.DependsOn));
            target.RunsAfter.ToList().ForEach(a => Add(a, target, PlanEdgeKind.Order));
            target.RunsBefore.ToList().ForEach(b => Add(target, b, PlanEdgeKind.Order));
            target.TriggeredTargets.ToList().ForEach(t => Add(target, t, PlanEdgeKind.Triggers));
        }

        return new PlanGraph(nodes, edges);
    }

    private static string Note(Target target, PlanNodeState state, string? incremental)
    {
        var notes = new List<string>();
        if (state == PlanNodeState.Skipped)
        {
            notes.Add("skipped: --skip");
        }
        else if (state == PlanNodeState.NotPlanned)
        {
            notes.Add("not in this plan");
        }
        else if (incremental is not null)
        {
            notes.Add(incremental);
        }

        if (target.RunsAlways)
        {
            notes.Add("always runs");
        }

        if (target.FailureAllowed)
        {
            notes.Add("may fail");
        }

        if (target.Conditions.Count > 0)
        {
            notes.Add($"only when {string.Join(" and ", target.Conditions.Select(c => c.Reason))}");
        }

        return string.Join("; ", notes);
    }
}
