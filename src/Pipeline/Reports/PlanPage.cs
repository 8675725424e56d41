using Pipeline.Planning;

namespace Pipeline.Reports;

/// <summary><c>--plan --html</c>: the dependency graph laid out as inline SVG (owned by issue 14, part B).</summary>
internal static class PlanPage
{
    /// <param name="incremental">For incremental targets: whether each would run, and why (as <c>--plan</c> prints it).</param>
    public static string Render(Build build, ExecutionPlan plan, IReadOnlyDictionary<Target, string>? incremental) => throw new NotImplementedException("issue 14 part B");
}
