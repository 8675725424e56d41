namespace Pipeline.Definition;

public sealed partial class Target
{
    /// <summary>How many slices CI runs this target as; 1 when it is not partitioned.</summary>
    internal int PartitionCount { get; private set; } = 1;
}
