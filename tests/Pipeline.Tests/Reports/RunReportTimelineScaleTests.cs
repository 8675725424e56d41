using Pipeline.Reports;

namespace Pipeline.Tests.Reports;

/// <summary>The run report's time axis: round ticks, never more than ten intervals, the run's end at the full width.</summary>
public sealed class RunReportTimelineScaleTests
{
    public static TheoryData<double> Totals => [0, 0.4, 1, 7, 10, 11, 999, 1000, 1234, 20_001, 61_000, 754_000, 3_600_000, 10_800_000, 2_000_000_000];

    [Theory]
    [MemberData(nameof(Totals))]
    public void Ticks_are_the_smallest_round_step_that_gives_at_most_ten_intervals(double totalMilliseconds)
    {
        var scale = new TimelineScale(TimeSpan.FromMilliseconds(totalMilliseconds), 920);
        var step = scale.Step.TotalMilliseconds;

        var span = Math.Max(1, totalMilliseconds);
        Assert.True(span / step <= TimelineScale.MaxTicks, $"{span} ms in steps of {step} ms");
        var smaller = TimelineScale.RoundSteps.Where(s => s < scale.Step).ToList();
        Assert.True(smaller.Count == 0 || span / smaller[^1].TotalMilliseconds > TimelineScale.MaxTicks, $"{span} ms could take steps smaller than {step} ms");
        Assert.True(TimelineScale.RoundSteps.Contains(scale.Step) || scale.Step.Ticks % TimelineScale.RoundSteps[^1].Ticks == 0, $"{scale.Step} is not a round step");

        var ticks = scale.Ticks.ToList();
        Assert.Equal(TimeSpan.Zero, ticks[0]);
        Assert.True(ticks.Count <= TimelineScale.MaxTicks + 1, $"{ticks.Count} ticks");
        Assert.All(ticks.Zip(ticks.Skip(1)), pair => Assert.Equal(scale.Step, pair.Second - pair.First));
        Assert.True(ticks[^1].TotalMilliseconds <= span && ticks[^1].TotalMilliseconds + step > span);
    }

    [Fact]
    public void The_run_s_start_is_at_zero_its_end_at_the_full_width_and_anything_outside_is_clamped()
    {
        var scale = new TimelineScale(TimeSpan.FromSeconds(8), 920);

        Assert.Equal(0, scale.X(TimeSpan.Zero));
        Assert.Equal(460, scale.X(TimeSpan.FromSeconds(4)), 6);
        Assert.Equal(920, scale.X(TimeSpan.FromSeconds(8)), 6);
        Assert.Equal(920, scale.X(TimeSpan.FromSeconds(9)));
        Assert.Equal(0, scale.X(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void A_run_that_took_no_measurable_time_still_has_an_axis()
    {
        var scale = new TimelineScale(TimeSpan.Zero, 920);

        Assert.Equal(TimeSpan.FromMilliseconds(1), scale.Step);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMilliseconds(1)], scale.Ticks);
        Assert.Equal(0, scale.X(TimeSpan.Zero));
    }
}
