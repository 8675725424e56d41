using Microsoft.Extensions.Time.Testing;
using Pipeline.Execution;
using Pipeline.Output.Live;

namespace Pipeline.Tests.Live;

/// <summary>The live region's drawing, on a terminal recorded as text (the end-to-end tests read a real one through tmux).</summary>
public class LiveRegionTests
{
    private const string EraseTwoLines = "\r\u001b[2A\u001b[J";

    private readonly StringWriter _terminal = new();
    private readonly FakeTimeProvider _time = new();
    private readonly CurrentTarget _current = new();
    private readonly Build _build = new();

    [Fact]
    public void Log_lines_go_above_the_region_which_is_erased_and_drawn_again_below_them()
    {
        var (region, log) = Started(out var left, out _);
        _time.Advance(TimeSpan.FromSeconds(3));
        var before = _terminal.ToString().Length;

        _current.Set(left);
        log.Write("[Left] compiling\n");

        var written = _terminal.ToString()[before..];
        Assert.StartsWith(EraseTwoLines + "[Left] compiling\n", written, StringComparison.Ordinal);
        var redrawn = Plain(written[(EraseTwoLines.Length + "[Left] compiling\n".Length)..]);
        Assert.Equal(["› Left 3s compiling", "› Right 3s"], redrawn.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Words));
        region.Dispose();
    }

    [Fact]
    public void The_region_is_not_drawn_after_a_partial_line_until_the_line_ends()
    {
        var (region, log) = Started(out var left, out _);
        _current.Set(left);
        var before = _terminal.ToString().Length;

        log.Write("progress: ");
        _time.Advance(LiveRegion.Interval * 3);
        log.Write("50%");

        Assert.Equal(EraseTwoLines + "progress: 50%", _terminal.ToString()[before..]);
        log.Write(" done\n");
        Assert.EndsWith("› Right 0s", Words(Plain(_terminal.ToString()).TrimEnd('\n')), StringComparison.Ordinal);
        region.Dispose();
    }

    [Fact]
    public void A_finished_target_leaves_the_region_and_stopping_erases_it_for_good()
    {
        var (region, log) = Started(out var left, out _);

        region.TargetFinished(new TargetResult(left, TargetOutcome.Succeeded, TimeSpan.FromSeconds(1), null));
        Assert.Equal(["› Right 0s"], region.Lines(80).Select(l => Words(TerminalText.Plain(l))));
        region.Stop();
        var stopped = _terminal.ToString().Length;
        log.Write("summary\n");
        _time.Advance(LiveRegion.Interval * 3);

        Assert.EndsWith("\r\u001b[1A\u001b[J", _terminal.ToString()[..stopped], StringComparison.Ordinal);
        Assert.Equal("summary\n", _terminal.ToString()[stopped..]);
    }

    [Fact]
    public void The_last_line_is_plain_text_cut_to_the_width_of_the_screen()
    {
        var (region, log) = Started(out var left, out _);
        _current.Set(left);

        log.Write("\u001b[32mbuilding\u001b[0m 10%\r20%\r" + new string('x', 200) + "\n");

        var line = Plain(region.Lines(40)[0]);
        Assert.Equal(39, line.Length);
        Assert.StartsWith("› Left 0s xxx", Words(line), StringComparison.Ordinal);
        Assert.EndsWith("x…", line, StringComparison.Ordinal);
        Assert.Equal("green and a  title then 10%", TerminalText.Plain("\u001b[32mgreen\u001b[0m and a \u001b]8;;https://x\a title\u001b]8;;\u001b\\ then 10%"));
        region.Dispose();
    }

    /// <summary>A region showing Left and Right (started in that order), and the standard output that writes above it.</summary>
    private (LiveRegion Region, LiveTerminalWriter Log) Started(out Target left, out Target right)
    {
        left = _build.Target("Left");
        right = _build.Target("Right");
        var screen = new LiveScreen(_terminal, () => 80);
        var region = new LiveRegion(new RecordingObserver(), screen, _time, unicode: true);
        region.Start();
        region.TargetStarting(left);
        region.TargetStarting(right);
        return (region, new LiveTerminalWriter(screen, _terminal, _current));
    }

    /// <summary>Words separated by single spaces: the region pads its columns.</summary>
    private static string Words(string line) => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The text without its colour sequences.</summary>
    private static string Plain(string text) => string.Join('\n', text.Split('\n').Select(TerminalText.Plain));
}
