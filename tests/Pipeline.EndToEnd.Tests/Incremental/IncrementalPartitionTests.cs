using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Incremental;

/// <summary>A slice of a partitioned target has a result of its own: neither the whole nor another slice reuses it.</summary>
public sealed class IncrementalPartitionTests : IDisposable
{
    private const string Script = """
        var test = Target("Test").Partition(2).Inputs("src/**").Executes(() =>
        {
            var slice = Partition.Current;
            File.AppendAllText("runs.log", slice + "\n");
            WriteAtEnd($"Test: {slice.Of(new[] { "a", "b", "c" }).Count} passed, 0 failed");
        });
        Default(test);
        """;

    private readonly TempRepo _repo = new(Script);

    public IncrementalPartitionTests()
    {
        Directory.CreateDirectory(_repo.Path("src"));
        File.WriteAllText(_repo.Path("src/a.txt"), "a");
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task A_slice_whole_run_and_other_slice_each_run_once_and_are_then_up_to_date()
    {
        var slice = await RunAsync("--partition", "1/2");
        var whole = await RunAsync();
        var wholeAgain = await RunAsync();
        var otherSlice = await RunAsync("--partition", "2/2");

        slice.ShouldExitWith(0);
        Assert.Equal("the partition changed", whole.DetailsOf("Test"));
        Assert.Equal("Test: 3 passed, 0 failed", whole.LastOutputLine);
        Assert.Equal("up to date", wholeAgain.OutcomeOf("Test"));
        Assert.Equal("Test: 3 passed, 0 failed", wholeAgain.LastOutputLine);
        Assert.Equal("the partition changed", otherSlice.DetailsOf("Test"));
        Assert.Equal(["1/2", "1/1", "2/2"], _repo.ReadText("runs.log").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private Task<RunnerResult> RunAsync(params string[] arguments) =>
        _repo.RunAsync(new Dictionary<string, string?> { ["PIPELINE_BUILD_CACHE"] = "off" }, arguments);
}
