using Pipeline.Execution;

namespace Pipeline.Tests.Partitions;

/// <summary>The fan-in read against real result files in a repository's <c>artifacts/partitions</c>.</summary>
public sealed class PartitionFanInTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly Build _build;
    private readonly Target _test;

    public PartitionFanInTests()
    {
        _build = new Build(AbsolutePath.From(_root.Path));
        _test = _build.Target("Test").Partition(2);
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public void A_slice_result_reads_back_as_it_was_written()
    {
        var written = new PartitionResult("Test", 2, 2, TargetOutcome.Failed, TimeSpan.FromSeconds(1.5), "boom", ["Test: 1 passed, 1 failed", "more"]);

        PartitionFiles.Write(_build.Root, _test, written);

        Assert.True(File.Exists(_root.Combine("artifacts", "partitions", "Test.2-of-2.json")));
        var read = PartitionFiles.Read(_build.Root, _test, 2, 2)!;
        Assert.Equal(written with { ClosingLines = [] }, read with { ClosingLines = [] });
        Assert.Equal(written.ClosingLines, read.ClosingLines);
    }

    [Fact]
    public void Without_any_slice_result_a_skipped_partitioned_target_stays_skipped()
    {
        Assert.Null(new PartitionFanIn(Runs.Context(_build)).Settle(_test));
    }

    [Fact]
    public void A_result_that_is_not_json_fails_the_target_naming_the_file()
    {
        Write(1, SucceededSlice(1));
        Directory.CreateDirectory(_root.Combine("artifacts", "partitions"));
        File.WriteAllText(_root.Combine("artifacts", "partitions", "Test.2-of-2.json"), "{ truncated");

        var result = new PartitionFanIn(Runs.Context(_build)).Settle(_test)!;

        Assert.Equal(TargetOutcome.Failed, result.Outcome);
        Assert.StartsWith("artifacts/partitions/Test.2-of-2.json is not a partition result", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_file_holding_another_slice_is_refused()
    {
        Write(1, SucceededSlice(1));
        File.Copy(_root.Combine("artifacts", "partitions", "Test.1-of-2.json"), _root.Combine("artifacts", "partitions", "Test.2-of-2.json"));

        var result = new PartitionFanIn(Runs.Context(_build)).Settle(_test)!;

        Assert.Equal(TargetOutcome.Failed, result.Outcome);
        Assert.Contains("Test.2-of-2.json holds the result of Test 1/2, not of Test 2/2", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_for_another_count_are_named_when_the_declared_ones_are_missing()
    {
        var stale = _build.Target("Lint").Partition(3);
        PartitionFiles.Write(_build.Root, stale, new PartitionResult("Lint", 1, 2, TargetOutcome.Succeeded, TimeSpan.Zero, null, []));

        var result = new PartitionFanIn(Runs.Context(_build)).Settle(stale)!;

        Assert.Equal(TargetOutcome.Failed, result.Outcome);
        Assert.Contains("partition 1/3 is missing", result.Reason, StringComparison.Ordinal);
        Assert.EndsWith("(results found for 2 partitions, but Lint declares Partition(3))", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Slices_that_all_succeeded_settle_the_target_and_merge_their_closing_lines_into_the_run()
    {
        Write(1, SucceededSlice(1) with { ClosingLines = ["Test: 4 passed, 0 failed"] });
        Write(2, SucceededSlice(2) with { ClosingLines = ["Test: 5 passed, 0 failed"], Duration = TimeSpan.FromSeconds(9) });
        var run = Runs.Context(_build);

        var result = new PartitionFanIn(run).Settle(_test)!;

        Assert.Equal(TargetOutcome.Succeeded, result.Outcome);
        Assert.Equal("satisfied by its 2 partitions", result.Reason);
        Assert.Equal(TimeSpan.FromSeconds(9), result.Duration);
        Assert.Equal(["Test: 9 passed, 0 failed"], run.ClosingLines);
        Assert.Equal([1, 2], result.Partitions!.Select(p => p.Index));
    }

    private static PartitionResult SucceededSlice(int index) =>
        new("Test", index, 2, TargetOutcome.Succeeded, TimeSpan.FromSeconds(1), null, []);

    private void Write(int index, PartitionResult result)
    {
        Assert.Equal(index, result.Index);
        PartitionFiles.Write(_build.Root, _test, result);
    }
}
