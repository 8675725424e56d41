using System.Text.Json;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests;

/// <summary>
/// A partitioned target run as CI fans it out: one run per slice (<c>--partition i/n</c>), each leaving its result in
/// <c>artifacts/partitions</c>, then a run that skips the target and merges the slices (the fan-in job).
/// </summary>
public sealed class PartitionTests : IDisposable
{
    // Ten "tests"; each slice tests its share, and the slice named by --fail-slice fails its last one.
    private const string Script = """
        var failSlice = Parameter("fail-slice", 0, "The slice whose last test fails.");
        var tests = Enumerable.Range(1, 10).Select(i => $"test{i:00}").Reverse().ToArray();
        var compile = Target("Compile").Executes(() => Console.WriteLine("compiled"));
        var test = Target("Test").DependsOn(compile).Partition(3).Executes(() =>
        {
            var slice = Partition.Current;
            var mine = slice.Of(tests);
            foreach (var name in mine)
            {
                Console.WriteLine($"ran {name} in slice {slice}");
            }

            var failed = slice.Index == failSlice.Value ? 1 : 0;
            WriteAtEnd($"Test: {mine.Count - failed} passed, {failed} failed");
            WriteAtEnd("test results: artifacts/test-results");
            if (failed > 0)
            {
                throw new InvalidOperationException($"{mine[^1]} failed");
            }
        });
        Target("Pack").DependsOn(test).Executes(() => Console.WriteLine("packed"));
        Default(test);
        """;

    private readonly TempRepo _repo = new(Script);

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task Each_slice_runs_its_share_and_the_fan_in_prints_the_merged_test_counts()
    {
        var ran = new List<string>();
        for (var index = 1; index <= 3; index++)
        {
            var slice = await _repo.RunAsync("Test", "--partition", $"{index}/3");

            slice.ShouldExitWith(0);
            Assert.Equal($"partition {index}/3", slice.DetailsOf("Test"));
            ran.AddRange(slice.OutputLines.Where(l => l.StartsWith("ran ", StringComparison.Ordinal)));
            Assert.True(_repo.Exists($"artifacts/partitions/Test.{index}-of-3.json"), $"Slice {index} left no result.{Environment.NewLine}{slice}");
        }

        // Every test ran in exactly one slice.
        var tested = ran.Select(l => l.Split(' ')[1]).ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"test{i:00}"), tested.Order(StringComparer.Ordinal));

        var fanIn = await _repo.RunAsync("Pack", "--skip", "Compile,Test", "--summary-json", "summary.json");

        fanIn.ShouldExitWith(0);
        fanIn.OutputShouldNotContain("ran test");
        Assert.Equal("succeeded", fanIn.OutcomeOf("Test"));
        Assert.Equal("satisfied by its 3 partitions", fanIn.DetailsOf("Test"));
        Assert.Equal("succeeded", fanIn.OutcomeOf("Pack"));
        Assert.Equal(["Test: 10 passed, 0 failed", "test results: artifacts/test-results"], fanIn.OutputLines.TakeLast(2));

        using var summary = JsonDocument.Parse(_repo.ReadText("summary.json"));
        var test = summary.RootElement.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Test");
        Assert.Equal(
            [(1, "succeeded"), (2, "succeeded"), (3, "succeeded")],
            test.GetProperty("partitions").EnumerateArray().Select(p => (p.GetProperty("index").GetInt32(), p.GetProperty("outcome").GetString())));
        Assert.Equal(
            ["Test: 10 passed, 0 failed", "test results: artifacts/test-results"],
            summary.RootElement.GetProperty("closingLines").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task A_slice_writes_its_outcome_and_its_closing_lines_to_its_result_file()
    {
        var slice = await _repo.RunAsync("Test", "--partition", "2/3", "--summary-json", "summary.json");

        slice.ShouldExitWith(0);
        using var file = JsonDocument.Parse(_repo.ReadText("artifacts/partitions/Test.2-of-3.json"));
        var root = file.RootElement;
        Assert.Equal("Test", root.GetProperty("target").GetString());
        Assert.Equal((2, 3), (root.GetProperty("index").GetInt32(), root.GetProperty("count").GetInt32()));
        Assert.Equal("succeeded", root.GetProperty("outcome").GetString());
        Assert.True(root.GetProperty("durationSeconds").GetDouble() >= 0);
        Assert.Equal(["Test: 3 passed, 0 failed", "test results: artifacts/test-results"], root.GetProperty("closingLines").EnumerateArray().Select(l => l.GetString()));

        using var summary = JsonDocument.Parse(_repo.ReadText("summary.json"));
        var test = summary.RootElement.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Test");
        Assert.Equal((2, 3), (test.GetProperty("partition").GetProperty("index").GetInt32(), test.GetProperty("partition").GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task A_missing_partition_fails_the_fan_in_naming_it()
    {
        (await _repo.RunAsync("Test", "--partition", "1/3")).ShouldExitWith(0);
        (await _repo.RunAsync("Test", "--partition", "3/3")).ShouldExitWith(0);

        var fanIn = await _repo.RunAsync("Pack", "--skip", "Compile,Test", "--summary-json", "summary.json");

        fanIn.ShouldExitWith(1);
        fanIn.ShouldShowNoStackTrace();
        Assert.Equal("failed", fanIn.OutcomeOf("Test"));
        fanIn.OutputShouldContain("partition 2/3 is missing (artifacts/partitions/Test.2-of-3.json was not found)");
        Assert.Equal("not run", fanIn.OutcomeOf("Pack"));
        fanIn.OutputShouldNotContain("packed");

        using var summary = JsonDocument.Parse(_repo.ReadText("summary.json"));
        var test = summary.RootElement.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Test");
        Assert.Equal(
            ["succeeded", "missing", "succeeded"],
            test.GetProperty("partitions").EnumerateArray().Select(p => p.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task A_failed_partition_fails_the_fan_in_naming_it_and_its_failures_are_counted()
    {
        (await _repo.RunAsync("Test", "--partition", "1/3")).ShouldExitWith(0);
        var failing = await _repo.RunAsync("Test", "--partition", "2/3", "--fail-slice", "2");
        failing.ShouldExitWith(1);
        Assert.True(_repo.Exists("artifacts/partitions/Test.2-of-3.json"), $"The failed slice left no result.{Environment.NewLine}{failing}");
        (await _repo.RunAsync("Test", "--partition", "3/3")).ShouldExitWith(0);

        var fanIn = await _repo.RunAsync("Pack", "--skip", "Compile,Test");

        fanIn.ShouldExitWith(1);
        fanIn.ShouldShowNoStackTrace();
        fanIn.OutputShouldContain("partition 2/3 failed: InvalidOperationException:");
        Assert.Equal("not run", fanIn.OutcomeOf("Pack"));
        fanIn.OutputShouldContain("Test: 9 passed, 1 failed");
    }

    [Fact]
    public async Task Without_partition_a_partitioned_target_runs_whole_and_leaves_no_partition_result()
    {
        var result = await _repo.RunAsync("Test");

        result.ShouldExitWith(0);
        Assert.Equal(10, result.OutputLines.Count(l => l.EndsWith("in slice 1/1", StringComparison.Ordinal)));
        Assert.Equal("test results: artifacts/test-results", result.LastOutputLine);
        result.OutputShouldContain("Test: 10 passed, 0 failed");
        Assert.False(_repo.Exists("artifacts/partitions"), "A run without --partition wrote partition results.");
    }

    [Fact]
    public async Task Skipping_a_partitioned_target_without_partition_results_is_a_plain_skip()
    {
        var result = await _repo.RunAsync("Pack", "--skip", "Test");

        result.ShouldExitWith(0);
        Assert.Equal("skipped", result.OutcomeOf("Test"));
        Assert.Equal("--skip", result.DetailsOf("Test"));
        result.OutputShouldContain("packed");
    }

    [Theory]
    [InlineData("0/3", "--partition 0/3: the slice must be from 1 to 3")]
    [InlineData("4/3", "--partition 4/3: the slice must be from 1 to 3")]
    [InlineData("2/0", "--partition 2/0: the count must be from 2 to 64")]
    [InlineData("abc", "--partition expects a slice and a count as i/n, for example --partition 2/4; got 'abc'.")]
    [InlineData("2/4", "--partition 2/4 does not match target 'Test', which is declared with Partition(3): give --partition i/3.")]
    public async Task A_bad_partition_exits_2_before_any_target_runs(string partition, string message)
    {
        var result = await _repo.RunAsync("Test", "--partition", partition);

        result.ShouldExitWith(2);
        result.ErrorShouldContain(message);
        result.ShouldHaveRunNoTarget();
        result.ShouldShowNoStackTrace();
    }

    [Fact]
    public async Task A_partition_for_a_run_without_a_partitioned_target_exits_2()
    {
        var result = await _repo.RunAsync("Compile", "--partition", "1/3");

        result.ShouldExitWith(2);
        result.ErrorShouldContain("--partition 1/3 runs a slice of a partitioned target, but this run schedules none (Compile)");
        result.ShouldHaveRunNoTarget();
        result.ShouldShowNoStackTrace();
    }

    [Fact]
    public async Task A_partition_count_outside_2_to_64_in_the_script_exits_2_with_the_reason()
    {
        using var repo = new TempRepo("""Target("Test").Partition(1).Executes(() => { });""");

        var result = await repo.RunAsync("Test");

        result.ShouldExitWith(2);
        result.ErrorShouldContain("Target 'Test' declares Partition(1): a partitioned target runs as 2 to 64 slices.");
        result.ShouldShowNoStackTrace();
    }
}
