namespace Pipeline.Definition;

public sealed partial class Target
{
    private readonly List<Target> _dependencies = [];
    private readonly List<Target> _runsBefore = [];
    private readonly List<Target> _runsAfter = [];
    private readonly List<Target> _triggers = [];

    internal IReadOnlyList<Target> Dependencies => _dependencies;
    internal IReadOnlyList<Target> RunsBefore => _runsBefore;
    internal IReadOnlyList<Target> RunsAfter => _runsAfter;
    internal IReadOnlyList<Target> TriggeredTargets => _triggers;

    /// <summary>Pulls the given targets into the run and runs them first.</summary>
    public Target DependsOn(params Target[] targets) => AddEdges(_dependencies, targets);

    /// <summary>Ordering only: when both are scheduled, this target runs before the given ones.</summary>
    public Target Before(params Target[] targets) => AddEdges(_runsBefore, targets);

    /// <summary>Ordering only: when both are scheduled, this target runs after the given ones.</summary>
    public Target After(params Target[] targets) => AddEdges(_runsAfter, targets);

    /// <summary>Pulls the given targets into the run, to run after this one.</summary>
    public Target Triggers(params Target[] targets) => AddEdges(_triggers, targets);

    private Target AddEdges(List<Target> edges, Target[] targets)
    {
        DefinitionGuard.ThrowIfRunning($"An edge of target '{Name}'");
        ArgumentNullException.ThrowIfNull(targets);
        foreach (var target in targets)
        {
            ArgumentNullException.ThrowIfNull(target, nameof(targets));
            if (ReferenceEquals(target, this))
            {
                throw new BuildDefinitionException($"Target '{Name}' refers to itself.");
            }

            if (!edges.Contains(target))
            {
                edges.Add(target);
            }
        }

        return this;
    }
}
