namespace Pipeline.Definition;

public sealed partial class Target
{
    /// <summary>The most slices a target may be split into: more jobs than this costs more in start-up than it saves.</summary>
    internal const int MaxPartitions = 64;

    /// <summary>How many slices CI runs this target as (<c>--partition i/n</c>); 1 when it is not partitioned.</summary>
    internal int PartitionCount { get; private set; } = 1;

    /// <summary>
    /// Runs this target as <paramref name="count"/> slices on CI, one job each (<c>--partition i/n</c>); its body reads
    /// its slice from <c>Partition.Current</c>. A later job merges the slices' results. Run without
    /// <c>--partition</c>, the target runs whole.
    /// </summary>
    public Target Partition(int count)
    {
        DefinitionGuard.ThrowIfRunning($"Partition of target '{Name}'");
        if (count is < 2 or > MaxPartitions)
        {
            throw new BuildDefinitionException($"Target '{Name}' declares Partition({count}): a partitioned target runs as 2 to {MaxPartitions} slices.");
        }

        PartitionCount = count;
        return this;
    }
}
