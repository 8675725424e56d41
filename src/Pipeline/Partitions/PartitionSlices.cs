using Pipeline.Execution;
using Pipeline.Planning;

namespace Pipeline.Partitions;

/// <summary>
/// What a run with <c>--partition i/n</c> leaves behind: each partitioned target it ran is marked with its slice in
/// the summaries, and its result goes to <c>artifacts/partitions/&lt;Target&gt;.&lt;i&gt;-of-&lt;n&gt;.json</c> for the
/// job that merges the slices.
/// </summary>
internal static class PartitionSlices
{
    /// <summary>The run's results, those of the partitioned targets that ran as a slice marked with it.</summary>
    public static RunResult Mark(RunResult result, ExecutionPlan plan, PartitionSlice slice)
    {
        if (slice.IsWhole)
        {
            return result;
        }

        var sliced = SlicedTargets(plan);
        return result with { Targets = [.. result.Targets.Select(t => sliced.Contains(t.Target) && t.Partitions is null ? t with { Slice = slice } : t)] };
    }

    /// <summary>Writes the result file of each sliced target; false (after saying why on standard error) when one could not be written.</summary>
    public static bool TryWrite(RunContext run, RunResult result)
    {
        var written = true;
        foreach (var target in result.Targets.Where(t => t.Slice is not null))
        {
            var slice = target.Slice!;
            var file = new PartitionResult(
                target.Target.Name,
                slice.Index,
                slice.Count,
                target.Outcome,
                target.Duration,
                target.Reason is null ? null : run.Secrets.Apply(target.Reason),
                [.. run.ClosingLinesOf(target.Target).Select(run.Secrets.Apply)]);
            try
            {
                PartitionFiles.Write(run.Root, target.Target, file);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: could not write the result of {target.Target.Name} {slice} to {PartitionFiles.RelativePath(target.Target, slice.Index, slice.Count)}: {exception.Message}");
                written = false;
            }
        }

        return written;
    }

    private static HashSet<Target> SlicedTargets(ExecutionPlan plan) =>
        [.. plan.Order.Where(p => !p.SkippedByRequest && p.Target.PartitionCount > 1).Select(p => p.Target)];
}
