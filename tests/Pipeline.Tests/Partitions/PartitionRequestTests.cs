using Pipeline.CommandLine;

namespace Pipeline.Tests.Partitions;

public class PartitionRequestTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(65)]
    public void A_partition_count_outside_2_to_64_is_a_definition_error(int count)
    {
        var target = new Build().Target("Test");

        var error = Assert.Throws<BuildDefinitionException>(() => target.Partition(count));

        Assert.Contains($"Target 'Test' declares Partition({count})", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 to 64", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, target.PartitionCount);
    }

    [Fact]
    public void A_target_not_partitioned_counts_one_slice()
    {
        var build = new Build();

        Assert.Equal(1, build.Target("Compile").PartitionCount);
        Assert.Equal(4, build.Target("Test").Partition(4).PartitionCount);
    }

    [Fact]
    public void Without_partition_a_partitioned_target_runs_whole()
    {
        var build = PartitionedBuild();

        Assert.True(PartitionRequest.SliceFor(Plans.For(build, "Test"), null).IsWhole);
    }

    [Fact]
    public void The_slice_of_a_scheduled_partitioned_target_of_that_count_is_the_runs()
    {
        var build = PartitionedBuild();

        var slice = PartitionRequest.SliceFor(Plans.For(build, "Pack"), new PartitionSlice(3, 4));

        Assert.Equal("3/4", slice.ToString());
    }

    [Fact]
    public void A_count_other_than_the_declared_one_is_a_usage_error_naming_the_target_and_its_count()
    {
        var build = PartitionedBuild();

        var error = Assert.Throws<UsageException>(() => PartitionRequest.SliceFor(Plans.For(build, "Test"), new PartitionSlice(2, 3)));

        Assert.Contains("--partition 2/3 does not match target 'Test', which is declared with Partition(4)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slice_for_a_run_that_schedules_no_partitioned_target_is_a_usage_error()
    {
        var build = PartitionedBuild();

        var error = Assert.Throws<UsageException>(() => PartitionRequest.SliceFor(Plans.For(build, "Compile"), new PartitionSlice(1, 4)));

        Assert.Contains("this run schedules none (Compile)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_skipped_partitioned_target_is_not_scheduled_for_a_slice()
    {
        var build = PartitionedBuild();

        var error = Assert.Throws<UsageException>(() => PartitionRequest.SliceFor(Plans.For(build, ["Pack"], ["Test"]), new PartitionSlice(1, 4)));

        Assert.Contains("this run schedules none (Compile, Pack)", error.Message, StringComparison.Ordinal);
    }

    private static Build PartitionedBuild()
    {
        var build = new Build();
        var compile = build.Target("Compile");
        var test = build.Target("Test").DependsOn(compile).Partition(4);
        build.Target("Pack").DependsOn(test);
        return build;
    }
}
