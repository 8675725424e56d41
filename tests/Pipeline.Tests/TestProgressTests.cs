using Microsoft.Extensions.Time.Testing;

namespace Pipeline.Tests;

public class TestProgressTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_passing_tests_line_is_counted_not_shown_and_everything_else_passes_through()
    {
        using var log = new StringWriter();
        using var progress = new TestProgress(log, new FakeTimeProvider(), Interval);

        Assert.Null(progress.Observe("  Passed App.Tests.Adds [3 ms]"));
        Assert.Equal("  Failed App.Tests.Divides [12 ms]", progress.Observe("  Failed App.Tests.Divides [12 ms]"));
        Assert.Equal("  Error Message:", progress.Observe("  Error Message:"));
        Assert.Equal("  Skipped App.Tests.Later", progress.Observe("  Skipped App.Tests.Later"));
        Assert.Equal("Passed!  - Failed: 0, Passed: 1", progress.Observe("Passed!  - Failed: 0, Passed: 1"));

        Assert.Equal("Tests so far: 3 run (1 passed, 1 failed, 1 skipped) in 0m 00s", progress.Line());
    }

    [Fact]
    public void A_progress_line_goes_out_every_interval_even_while_no_test_finishes()
    {
        var time = new FakeTimeProvider();
        using var log = new StringWriter();
        using var progress = new TestProgress(log, time, Interval);
        progress.Observe("  Passed App.Tests.Adds [3 ms]");
        progress.Observe("  Failed App.Tests.Divides [12 ms]");

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(string.Empty, log.ToString());
        time.Advance(TimeSpan.FromSeconds(1));
        time.Advance(Interval);

        Assert.Equal(
            [
                "Tests so far: 2 run (1 passed, 1 failed, 0 skipped) in 0m 30s",
                "Tests so far: 2 run (1 passed, 1 failed, 0 skipped) in 1m 00s",
            ],
            log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void No_progress_line_goes_out_once_the_run_is_over()
    {
        var time = new FakeTimeProvider();
        using var log = new StringWriter();
        var progress = new TestProgress(log, time, Interval);

        progress.Dispose();
        time.Advance(Interval * 3);

        Assert.Equal(string.Empty, log.ToString());
    }
}
