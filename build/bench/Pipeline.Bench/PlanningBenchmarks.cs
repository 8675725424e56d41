using System.Diagnostics;
using Pipeline.Planning;

namespace Pipeline.Bench;

/// <summary>How long <c>Planner.Plan</c> took on one graph: the first call (with JIT, as in a real run) and the median after warm-up.</summary>
internal sealed record PlanTiming(GraphShape Shape, double FirstCallMs, double MedianMs, int Runs);

/// <summary>
/// Planning alone, in this process (no child process): <c>Planner.Plan</c> over the declared targets of each
/// shape, timed with a stopwatch after a full garbage collection, a median of several calls after warm-up.
/// </summary>
internal static class PlanningBenchmarks
{
    public static PlanTiming Measure(GraphShape shape, int warmUps, int runs)
    {
        var first = TimeOnce(shape);
        for (var i = 1; i < warmUps; i++)
        {
            TimeOnce(shape);
        }

        var times = Enumerable.Range(0, runs).Select(_ => TimeOnce(shape)).ToList();
        return new PlanTiming(shape, first, Statistics.Median(times), runs);
    }

    private static double TimeOnce(GraphShape shape)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var stopwatch = Stopwatch.StartNew();
        var plan = Planner.Plan(shape.Build.Targets, shape.Build.DefaultTarget, shape.Request);
        stopwatch.Stop();
        return plan.Order.Count == shape.Targets
            ? stopwatch.Elapsed.TotalMilliseconds
            : throw new MeasurementException($"The {shape.Name} plan has {plan.Order.Count} targets, not {shape.Targets}.");
    }
}
