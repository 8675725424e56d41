using Pipeline.CommandLine;
using Pipeline.Planning;

namespace Pipeline.Partitions;

/// <summary>Checks a <c>--partition i/n</c> against the plan before anything runs, and gives the run its slice.</summary>
internal static class PartitionRequest
{
    /// <summary>
    /// The slice the run's partitioned targets execute: the requested one, or the whole when none was requested.
    /// A slice needs a scheduled partitioned target, and its count must be that target's <c>Partition(n)</c>.
    /// </summary>
    public static PartitionSlice SliceFor(ExecutionPlan plan, PartitionSlice? requested)
    {
        if (requested is null)
        {
            return PartitionSlice.Whole;
        }

        var partitioned = plan.Order.Where(p => !p.SkippedByRequest && p.Target.PartitionCount > 1).Select(p => p.Target).ToList();
        if (partitioned.Count == 0)
        {
            var scheduled = string.Join(", ", plan.Order.Where(p => !p.SkippedByRequest).Select(p => p.Target.Name));
            throw new UsageException(
                $"{PartitionArgument.Option} {requested} runs a slice of a partitioned target, but this run schedules none ({(scheduled.Length == 0 ? "nothing" : scheduled)}); " +
                "a target is partitioned with .Partition(n).");
        }

        if (partitioned.FirstOrDefault(t => t.PartitionCount != requested.Count) is { } other)
        {
            throw new UsageException(
                $"{PartitionArgument.Option} {requested} does not match target '{other.Name}', which is declared with Partition({other.PartitionCount}): " +
                $"give {PartitionArgument.Option} i/{other.PartitionCount}.");
        }

        return requested;
    }
}
