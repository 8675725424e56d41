namespace Pipeline.Reports;

/// <summary>
/// Maps the run's time onto the timeline's width, and picks the axis's ticks: a round step (1, 2 or 5 times a power
/// of ten milliseconds) that gives at most <see cref="MaxTicks"/> intervals, so the labels never crowd whatever the run's length.
/// </summary>
internal sealed class TimelineScale
{
    public const int MaxTicks = 10;

    private readonly double _totalMilliseconds;

    /// <param name="total">The time the axis spans; anything shorter than a millisecond counts as one.</param>
    /// <param name="width">The width that time is drawn across.</param>
    public TimelineScale(TimeSpan total, double width)
    {
        _totalMilliseconds = Math.Max(1, total.TotalMilliseconds);
        Width = width;
        Step = TimeSpan.FromMilliseconds(StepFor(_totalMilliseconds));
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

    private static double StepFor(double totalMilliseconds)
    {
        for (var power = 1.0; ; power *= 10)
        {
            foreach (var multiple in (ReadOnlySpan<double>)[1, 2, 5])
            {
                var step = multiple * power;
                if (totalMilliseconds / step <= MaxTicks)
                {
                    return step;
                }
            }
        }
    }
}
