namespace Pipeline.Planning;

/// <summary>What the command line asks the planner for.</summary>
/// <param name="TargetNames">Targets named on the command line; empty means the default target.</param>
/// <param name="SkipNames">Targets left out (<c>--skip</c>): shown as skipped, their dependents still run.</param>
/// <param name="OnlyRequested">Run the named targets without their dependencies (<c>--only</c>).</param>
internal sealed record PlanRequest(IReadOnlyList<string> TargetNames, IReadOnlyList<string> SkipNames, bool OnlyRequested)
{
    public static PlanRequest For(params string[] targetNames) => new(targetNames, [], false);
}
