namespace Pipeline.Planning;

/// <summary>A scheduled target: its place in the order and the scheduled targets that must finish first.</summary>
/// <param name="Predecessors">Every scheduled target that must finish first, by position in <see cref="ExecutionPlan.Order"/>.</param>
/// <param name="RequiredPredecessors">
/// The predecessors whose failure stops this target (<c>DependsOn</c>, and the target that triggered it);
/// the rest are ordering only (<c>Before</c>/<c>After</c>).
/// </param>
internal sealed record PlannedTarget(
    Target Target,
    int Position,
    IReadOnlyList<int> Predecessors,
    IReadOnlyList<int> RequiredPredecessors,
    bool SkippedByRequest);

/// <summary>The validated, ordered set of targets one invocation runs.</summary>
internal sealed record ExecutionPlan(IReadOnlyList<Target> Requested, IReadOnlyList<PlannedTarget> Order)
{
    public PlannedTarget? Find(Target target) => Order.FirstOrDefault(p => ReferenceEquals(p.Target, target));
}
