using System.Text.Json;
using Pipeline.Execution;
using Pipeline.Reports;
using Pipeline.Secrets;

namespace Pipeline.Tests.Reports;

public class TraceFileTests
{
    private static readonly Build Build = new();
    private static readonly Target Compile = Build.Target("Compile");
    private static readonly Target Lint = Build.Target("Lint");
    private static readonly Target Pack = Build.Target("Pack");

    [Fact]
    public void Each_started_target_is_a_complete_event_on_its_lanes_thread_in_microseconds()
    {
        var result = Run(
            Started(Compile, 0, at: 10, took: 500),
            Started(Lint, 1, at: 20, took: 100),
            new TargetResult(Pack, TargetOutcome.NotRun, TimeSpan.Zero, "Compile failed"));

        var events = Events(TraceFile.Render(result, [], "repo", new SecretMasker()));

        var compile = Slice(events, "Compile");
        Assert.Equal(("X", "target", 10_000L, 500_000L, 1), (compile.Phase, compile.Category, compile.Start, compile.Duration, compile.Thread));
        var lint = Slice(events, "Lint");
        Assert.Equal((20_000L, 100_000L, 2), (lint.Start, lint.Duration, lint.Thread));
        Assert.DoesNotContain(events, e => e.Name == "Pack");
        Assert.Contains(events, e => e is { Phase: "M", Name: "thread_name", Thread: 1 } && e.Args.GetProperty("name").GetString() == "lane 1");
        Assert.Contains(events, e => e is { Phase: "M", Name: "thread_name", Thread: 2 } && e.Args.GetProperty("name").GetString() == "lane 2");
        Assert.Contains(events, e => e is { Phase: "M", Name: "process_name" } && e.Args.GetProperty("name").GetString() == "repo: build run");
    }

    [Fact]
    public void A_child_process_is_a_slice_clamped_inside_its_targets_slice_with_its_command_line_and_exit_code()
    {
        var result = Run(Started(Compile, 0, at: 100, took: 1000));
        ProcessSpan[] processes =
        [
            new(Compile, "dotnet build", TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(300), 0),

            // Clocks read a moment apart: one seems to start before its target, one to end after it. Both are drawn inside.
            new(Compile, "git status", TimeSpan.FromMilliseconds(90), TimeSpan.FromMilliseconds(40), 0),
            new(Compile, "'/usr/local/bin/my tool' --all", TimeSpan.FromMilliseconds(900), TimeSpan.FromMilliseconds(2000), null),
        ];

        var events = Events(TraceFile.Render(result, processes, "repo", new SecretMasker()));

        var target = Slice(events, "Compile");
        var build = Slice(events, "dotnet");
        Assert.Equal(("process", 150_000L, 300_000L, target.Thread), (build.Category, build.Start, build.Duration, build.Thread));
        Assert.Equal("dotnet build", build.Args.GetProperty("commandLine").GetString());
        Assert.Equal(0, build.Args.GetProperty("exitCode").GetInt32());
        Assert.Equal((100_000L, 30_000L, target.Thread), (Slice(events, "git").Start, Slice(events, "git").Duration, Slice(events, "git").Thread));
        var tool = Slice(events, "my tool");
        Assert.Equal((900_000L, 200_000L, target.Thread), (tool.Start, tool.Duration, tool.Thread));
        Assert.Equal(JsonValueKind.String, tool.Args.GetProperty("exitCode").ValueKind);
    }

    [Fact]
    public void Commands_of_one_target_that_overlap_go_to_an_extra_thread_so_slices_on_each_thread_nest()
    {
        var result = Run(Started(Compile, 0, at: 0, took: 1000));
        ProcessSpan[] processes =
        [
            new(Compile, "first", TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), 0),
            new(Compile, "second", TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), 0),
            new(Compile, "third", TimeSpan.FromMilliseconds(650), TimeSpan.FromMilliseconds(100), 0),
        ];

        var events = Events(TraceFile.Render(result, processes, "repo", new SecretMasker()));

        Assert.Equal(1, Slice(events, "first").Thread);
        Assert.Equal(1, Slice(events, "third").Thread);
        var second = Slice(events, "second").Thread;
        Assert.NotEqual(1, second);
        Assert.Contains(events, e => e is { Phase: "M", Name: "thread_name" } && e.Thread == second);
    }

    [Fact]
    public void Outcomes_and_reasons_are_in_the_args_and_secrets_are_masked_even_in_json_escaped_text()
    {
        var secrets = new SecretMasker();
        secrets.Register("s3cr\"t+<");
        var failed = Started(Compile, 0, at: 0, took: 10) with { Outcome = TargetOutcome.Failed, Reason = "it printed s3cr\"t+<", Location = new("build/build.csx", 12) };
        var allowed = Started(Lint, 1, at: 0, took: 10) with { Outcome = TargetOutcome.Failed, FailureAllowed = true, Reason = "lint" };
        var processes = new ProcessSpan[] { new(Compile, "deploy --token s3cr\"t+<", TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2), 1) };

        var text = TraceFile.Render(Run(failed, allowed), processes, "repo", secrets);

        Assert.DoesNotContain("s3cr", text, StringComparison.Ordinal);
        var events = Events(text);
        var compile = Slice(events, "Compile");
        Assert.Equal("failed", compile.Args.GetProperty("outcome").GetString());
        Assert.Equal("it printed ****", compile.Args.GetProperty("reason").GetString());
        Assert.Equal("build/build.csx:12", compile.Args.GetProperty("location").GetString());
        Assert.Equal("failed (allowed)", Slice(events, "Lint").Args.GetProperty("outcome").GetString());
    }

    [Fact]
    public void The_file_is_a_json_object_with_trace_events_and_a_display_time_unit()
    {
        using var json = JsonDocument.Parse(TraceFile.Render(Run(Started(Compile, 0, at: 0, took: 1)), [], "repo", new SecretMasker()));

        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("traceEvents").ValueKind);
        Assert.Equal("ms", json.RootElement.GetProperty("displayTimeUnit").GetString());
    }

    private static TargetResult Started(Target target, int lane, int at, int took) =>
        new(target, TargetOutcome.Succeeded, TimeSpan.FromMilliseconds(took), null) { Started = TimeSpan.FromMilliseconds(at), Lane = lane };

    private static RunResult Run(params TargetResult[] targets) =>
        new(targets, TimeSpan.FromSeconds(2), Cancelled: false) { StartedAt = new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero) };

    private static TraceEvent Slice(IReadOnlyList<TraceEvent> events, string name) => Assert.Single(events, e => e.Phase == "X" && e.Name == name);

    private static List<TraceEvent> Events(string text)
    {
        using var json = JsonDocument.Parse(text);
        return [.. json.RootElement.GetProperty("traceEvents").EnumerateArray().Select(e => new TraceEvent(
            e.GetProperty("name").GetString()!,
            e.GetProperty("ph").GetString()!,
            e.TryGetProperty("cat", out var category) ? category.GetString() : null,
            e.TryGetProperty("ts", out var start) ? start.GetInt64() : 0,
            e.TryGetProperty("dur", out var duration) ? duration.GetInt64() : 0,
            e.GetProperty("tid").GetInt32(),
            e.GetProperty("args").Clone()))];
    }

    private sealed record TraceEvent(string Name, string Phase, string? Category, long Start, long Duration, int Thread, JsonElement Args);
}
