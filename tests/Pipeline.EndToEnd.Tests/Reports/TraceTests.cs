using System.Text.Json;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Reports;

/// <summary>
/// <c>--trace FILE</c> from a real parallel run: two targets that each wait (bounded) until the other has started, so
/// they certainly overlap, each starting a child process.
/// </summary>
public sealed class TraceTests : IDisposable
{
    private const string Script = MeetingTargets.Meet + """
        var left = Target("Left").Executes(() => Meet("Left", "Right"));
        var right = Target("Right").Executes(() => Meet("Right", "Left"));
        Default(Target("Both").DependsOn(left, right).Executes(() => Console.WriteLine("both done")));
        """;

    private readonly TempRepo _repo = new(Script);

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task A_parallel_runs_trace_has_one_slice_per_target_on_its_lane_with_child_processes_nested_inside()
    {
        var result = await _repo.RunAsync("--parallel", "2", "--trace", "artifacts/trace.json");

        result.ShouldExitWith(0);
        using var trace = JsonDocument.Parse(_repo.ReadText("artifacts/trace.json"));
        var events = trace.RootElement.GetProperty("traceEvents").EnumerateArray().ToList();
        Assert.All(events, e =>
        {
            // What every event of the format carries; complete events also a start and a duration in microseconds.
            Assert.Equal(JsonValueKind.String, e.GetProperty("name").ValueKind);
            Assert.Contains(e.GetProperty("ph").GetString(), new[] { "X", "M" });
            Assert.Equal(JsonValueKind.Number, e.GetProperty("pid").ValueKind);
            Assert.Equal(JsonValueKind.Number, e.GetProperty("tid").ValueKind);
            if (e.GetProperty("ph").GetString() == "X")
            {
                Assert.True(e.GetProperty("ts").GetInt64() >= 0 && e.GetProperty("dur").GetInt64() >= 0, e.ToString());
            }
        });

        var targets = Slices(events, "target");
        Assert.Equal(["Both", "Left", "Right"], targets.Select(t => t.Name).Order(StringComparer.Ordinal));
        var left = targets.Single(t => t.Name == "Left");
        var right = targets.Single(t => t.Name == "Right");
        Assert.NotEqual(left.Thread, right.Thread);
        Assert.True(left.Start < right.End && right.Start < left.End, $"Left and Right did not overlap: {left} {right}");
        foreach (var lane in targets.GroupBy(t => t.Thread))
        {
            var ordered = lane.OrderBy(t => t.Start).ToList();
            Assert.All(ordered.Zip(ordered.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Start, $"{pair.First} overlaps {pair.Second} on thread {lane.Key}"));
            Assert.Contains(events, e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("name").GetString() == "thread_name" && e.GetProperty("tid").GetInt32() == lane.Key);
        }

        foreach (var target in new[] { left, right })
        {
            var process = Assert.Single(Slices(events, "process"), p => p.CommandLine!.Contains($"{target.Name} met ", StringComparison.Ordinal));
            Assert.Equal(target.Thread, process.Thread);
            Assert.True(process.Start >= target.Start && process.End <= target.End, $"{process} is not inside {target}");
        }
    }

    private static List<Slice> Slices(IEnumerable<JsonElement> events, string category) =>
    [
        .. events
            .Where(e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("cat").GetString() == category)
            .Select(e => new Slice(
                e.GetProperty("name").GetString()!,
                e.GetProperty("tid").GetInt32(),
                e.GetProperty("ts").GetInt64(),
                e.GetProperty("ts").GetInt64() + e.GetProperty("dur").GetInt64(),
                e.GetProperty("args").TryGetProperty("commandLine", out var commandLine) ? commandLine.GetString() : null)),
    ];

    private sealed record Slice(string Name, int Thread, long Start, long End, string? CommandLine);
}
