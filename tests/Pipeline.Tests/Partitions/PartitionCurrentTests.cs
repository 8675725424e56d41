namespace Pipeline.Tests.Partitions;

public class PartitionCurrentTests
{
    [Fact]
    public async Task A_partitioned_target_reads_the_runs_slice_and_any_other_target_the_whole()
    {
        var build = new Build();
        var seen = new Dictionary<string, string>();
        var compile = build.Target("Compile").Executes(() => seen["Compile"] = Partition.Current.ToString());
        build.Target("Test").DependsOn(compile).Partition(3).Executes(async () =>
        {
            // The slice follows the target's body across awaits and threads.
            await Task.Run(() => seen["Test"] = Partition.Current.ToString());
        });
        var context = Runs.Context(build);
        context.Partition = new PartitionSlice(2, 3);

        var result = await Runs.RunAsync(build, context, "Test");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal("1/1", seen["Compile"]);
        Assert.Equal("2/3", seen["Test"]);
    }

    [Fact]
    public void Outside_a_run_there_is_no_slice_to_read()
    {
        var error = Assert.Throws<BuildDefinitionException>(() => Partition.Current);

        Assert.Contains("read it in a target's body", error.Message, StringComparison.Ordinal);
    }
}
