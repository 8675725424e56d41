using Pipeline.BuildCache;
using Pipeline.Incremental;

namespace Pipeline.Tests.Incremental;

public sealed class TargetStateFormatTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_state_reads_back_as_written_including_text_with_tabs_newlines_and_backslashes()
    {
        var entry = new CacheEntry(
            "Test",
            "f1",
            [new CachedFile("bin/app", "aa", 3, Executable: true), new CachedFile("bin/app.dll", "bb", 4, Executable: false)],
            ["line\twith tab", "C:\\path\\n", "last\r"],
            ["Test: 2 passed, 0 failed"],
            [new("version", "1.2.3")],
            At,
            TimeSpan.FromSeconds(3));
        var state = new TargetState(
            TargetState.CurrentFormat,
            "Test",
            "f1",
            new(StringComparer.Ordinal) { ["input a b.cs"] = "d1", ["target"] = "Test" },
            new(StringComparer.Ordinal) { ["a b.cs"] = new FileDigest("d1", 10, 100) },
            At,
            new(StringComparer.Ordinal) { ["bin/app"] = new FileDigest("aa", 3, 200), ["bin/app.dll"] = new FileDigest("bb", 4, 300) },
            At.AddSeconds(3),
            entry);

        var read = TargetStateFormat.Read(TargetStateFormat.Write(state));

        Assert.NotNull(read);
        Assert.Equal(state.Facts, read.Facts);
        Assert.Equal(state.Inputs, read.Inputs);
        Assert.Equal(state.Outputs, read.Outputs);
        Assert.Equal((state.InputsTakenAt, state.OutputsTakenAt), (read.InputsTakenAt, read.OutputsTakenAt));
        Assert.Equal(entry.Files, read.Result.Files);
        Assert.Equal(entry.OutputLines, read.Result.OutputLines);
        Assert.Equal(entry.ClosingLines, read.Result.ClosingLines);
        Assert.Equal(entry.Outputs, read.Result.Outputs);
        Assert.Equal((entry.RecordedAt, entry.Duration), (read.Result.RecordedAt, read.Result.Duration));
    }

    [Theory]
    [InlineData("")]
    [InlineData("pipeline-state\t1\ntarget\tTest\n")]
    [InlineData("pipeline-state\t99\ntarget\tTest\nfingerprint\tf\nrecorded\t1\t1\n")]
    [InlineData("pipeline-state\t1\ntarget\tTest\nfingerprint\tf\nrecorded\t1\t1\nsomething\tnew\n")]
    public void A_partial_foreign_or_unknown_state_reads_as_none(string text) =>
        Assert.Null(TargetStateFormat.Read(text));
}
