namespace Pipeline.Partitions;

/// <summary>The slice of a partitioned target that this run executes (<see cref="Target.Partition(int)"/>, <c>--partition i/n</c>).</summary>
public static class Partition
{
    /// <summary>
    /// The running target's slice: the one <c>--partition i/n</c> names when the target is partitioned, else the
    /// whole (1/1), so a developer's <c>./build.sh Test</c> still runs everything. Read it in a target's body.
    /// </summary>
    public static PartitionSlice Current
    {
        get
        {
            var run = RunContext.Current
                ?? throw new BuildDefinitionException("Partition.Current is the slice of the running target: read it in a target's body, not while the script declares its targets.");
            return run.CurrentTarget.Value is { PartitionCount: > 1 } ? run.Partition : PartitionSlice.Whole;
        }
    }
}
