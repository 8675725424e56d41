namespace Pipeline.Reports;

/// <summary>
/// Maps the run's time onto the timeline's width, and picks the axis's ticks: the smallest round step (see
/// <see cref="RoundSteps"/>) that gives at most <see cref="MaxTicks"/> intervals, so the labels never crowd whatever the run's length.
/// </summary>
internal sealed class TimelineScale
{
    public const int MaxTicks = 10;

    /// <summary>Steps people count in: 1, 2 and 5 times a power of ten below a minute, then whole minutes and hours (doubling past the last).</summary>
    public static readonly IReadOnlyList<TimeSpan> RoundSteps =
    [
        .. new[] { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000 }.Select(ms => TimeSpan.FromMilliseconds(ms)),
        .. new[] { 1, 2, 5, 10, 15, 30 }.Select(minutes => TimeSpan.FromMinutes(minutes)),
        .. new[] { 1, 2, 3, 6, 12, 24 }.Select(hours => TimeSpan.FromHours(hours)),
    ];

    private readonly double _totalMilliseconds;

    /// <param name="total">The time the axis spans; anything shorter than a millisecond counts as one.</param>
    /// <param name="width">The width that time is drawn across.</param>
    public TimelineScale(TimeSpan total, double width)
    {
        _totalMilliseconds = Math.Max(1, total.TotalMilliseconds);
        Width = width;
        Step = StepFor(_totalMilliseconds);
    }

    public double Width { get; }

    /// <summary>The distance between two ticks.</summary>
    public TimeSpan Step { get; }

    /// <summary>Every tick from zero up to the end of the axis.</summary>
    public IEnumerable<TimeSpan> Ticks
    {
        get
        {
            for (var tick = TimeSpan.Zero; tick.TotalMilliseconds <= _totalMilliseconds; tick += Step)
            {
                yield return tick;
            }
        }
    }

    /// <summary>Where <paramref name="offset"/> falls, clamped to the axis.</summary>
    public double X(TimeSpan offset) => Math.Clamp(offset.TotalMilliseconds / _totalMilliseconds, 0, 1) * Width;

    private static TimeSpan StepFor(double totalMilliseconds)
    {
        var step = RoundSteps.FirstOrDefault(step => totalMilliseconds / step.TotalMilliseconds <= MaxTicks);
        if (step != TimeSpan.Zero)
        {
            return step;
        }

        for (step = RoundSteps[^1]; totalMilliseconds / step.TotalMilliseconds > MaxTicks; step *= 2)
        {
        }

        return step;
    }
}
