using Pipeline.Execution;
using Pipeline.Output;
using Pipeline.Secrets;

namespace Pipeline.Tests;

public class TargetLabellingWriterTests
{
    private SecretMasker Masker { get; } = new();

    private CurrentTarget Running { get; } = new();

    [Fact]
    public async Task Lines_of_the_current_target_are_prefixed_with_its_name_when_labelling()
    {
        var compile = new Build().Target("Compile");
        using var inner = new StringWriter();
        using var writer = new TargetLabellingWriter(inner, Running) { LabelLines = true };

        await Task.Run(() =>
        {
            Running.Set(compile);
            writer.Write("hel");
            writer.Write("lo\nwor");
            writer.WriteLine("ld");
        });

        Assert.Equal($"[Compile] hello{Environment.NewLine}[Compile] world{Environment.NewLine}", inner.ToString());
    }

    [Fact]
    public async Task A_partial_line_is_held_back_until_it_completes_or_the_run_ends()
    {
        var compile = new Build().Target("Compile");
        using var inner = new StringWriter();
        using var writer = new TargetLabellingWriter(inner, Running) { LabelLines = true };

        await Task.Run(() =>
        {
            Running.Set(compile);
            writer.Write("partial");
        });
        writer.Flush();
        Assert.Equal(string.Empty, inner.ToString());
        writer.Complete();

        Assert.Equal($"[Compile] partial{Environment.NewLine}", inner.ToString());
    }

    [Fact]
    public async Task Lines_of_concurrent_targets_never_interleave_mid_line()
    {
        var build = new Build();
        var compile = build.Target("Compile");
        var test = build.Target("Test");
        using var inner = new StringWriter();
        using var writer = new TargetLabellingWriter(inner, Running) { LabelLines = true };
        var compileWrotePart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var testWroteLine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var compileTask = Task.Run(async () =>
        {
            Running.Set(compile);
            writer.Write("compile-");
            compileWrotePart.SetResult();
            await testWroteLine.Task.WaitAsync(Runs.HangGuard);
            writer.WriteLine("done");
        });
        var testTask = Task.Run(async () =>
        {
            Running.Set(test);
            await compileWrotePart.Task.WaitAsync(Runs.HangGuard);
            writer.WriteLine("test line");
            testWroteLine.SetResult();
        });
        await Task.WhenAll(compileTask, testTask);

        Assert.Equal($"[Test] test line{Environment.NewLine}[Compile] compile-done{Environment.NewLine}", inner.ToString());
    }

    [Fact]
    public async Task Text_passes_straight_through_when_not_labelling()
    {
        var compile = new Build().Target("Compile");
        using var inner = new StringWriter();
        using var writer = new TargetLabellingWriter(inner, Running);

        await Task.Run(() =>
        {
            Running.Set(compile);
            writer.Write("plain ");
            writer.WriteLine("text");
        });

        Assert.Equal($"plain text{Environment.NewLine}", inner.ToString());
    }

    [Fact]
    public async Task Text_outside_any_target_passes_straight_through_while_labelling()
    {
        using var inner = new StringWriter();
        using var writer = new TargetLabellingWriter(inner, Running) { LabelLines = true };

        await Task.Run(() =>
        {
            Running.Set(null);
            writer.Write("summary");
        });

        Assert.Equal("summary", inner.ToString());
    }

    [Fact]
    public async Task Windows_line_endings_are_not_doubled()
    {
        var compile = new Build().Target("Compile");
        using var inner = new StringWriter();
        using var writer = new TargetLabellingWriter(inner, Running) { LabelLines = true };

        await Task.Run(() =>
        {
            Running.Set(compile);
            writer.Write("one\r\ntwo\r\n");
        });

        Assert.Equal($"[Compile] one{Environment.NewLine}[Compile] two{Environment.NewLine}", inner.ToString());
    }
}
