namespace Pipeline.Reports;

/// <summary>
/// Maps the run's time onto the timeline's width, and picks the axis's ticks: the smallest round step (see
/// <see cref="RoundSteps"/>) that gives at most <see cref="MaxTicks"/> intervals, so the labels never crowd whatever the run's length.
/// </summary>
internal sealed class TimelineScale
{
    public const int MaxTicks = 10;

    /// <summary>Steps people count in: 1, 2 and 5 times a power of ten below a minute, then whole minutes and hours (doubling past the last).</summary>
    /// <remarks>An array filled by a loop: no LINQ over <see cref="TimeSpan"/>, whose generic code is compiled on every run (the report is written on every run).</remarks>
    public static readonly TimeSpan[] RoundSteps = Steps();

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
    public TimeSpan[] Ticks
    {
        get
        {
            var count = (int)Math.Floor(_totalMilliseconds / Step.TotalMilliseconds) + 1;
            var ticks = new TimeSpan[count];
            for (var i = 0; i < count; i++)
            {
                ticks[i] = Step * i;
            }

            return ticks;
        }
    }

    /// <summary>Where <paramref name="offset"/> falls, clamped to the axis.</summary>
    public double X(TimeSpan offset) => Math.Clamp(offset.TotalMilliseconds / _totalMilliseconds, 0, 1) * Width;

    private static TimeSpan StepFor(double totalMilliseconds)
    {
        foreach (var round in RoundSteps)
        {
            if (totalMilliseconds / round.TotalMilliseconds <= MaxTicks)
            {
                return round;
            }
        }

        var step = RoundSteps[^1];
        while (totalMilliseconds / step.TotalMilliseconds > MaxTicks)
        {
            step *= 2;
        }

        return step;
    }

    private static TimeSpan[] Steps()
    {
        int[] milliseconds = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000];
        int[] minutes = [1, 2, 5, 10, 15, 30];
        int[] hours = [1, 2, 3, 6, 12, 24];
        var steps = new TimeSpan[milliseconds.Length + minutes.Length + hours.Length];
        var next = 0;
        foreach (var value in milliseconds)
        {
            steps[next++] = TimeSpan.FromMilliseconds(value);
        }

        foreach (var value in minutes)
        {
            steps[next++] = TimeSpan.FromMinutes(value);
        }

        foreach (var value in hours)
        {
            steps[next++] = TimeSpan.FromHours(value);
        }

        return steps;
    }
}
