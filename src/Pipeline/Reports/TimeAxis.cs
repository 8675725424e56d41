using System.Globalization;

namespace Pipeline.Reports;

/// <summary>
/// A time axis for a strip of fixed width: the span from the first moment to the last (padded so the ends are not
/// on the border), and round ticks (a second up to a year apart) at most <see cref="MaxTicks"/> of them.
/// </summary>
internal sealed class TimeAxis
{
    private const int MaxTicks = 8;

    private static readonly TimeSpan[] Steps =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30),
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12),
        TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(7), TimeSpan.FromDays(14),
        TimeSpan.FromDays(30), TimeSpan.FromDays(91), TimeSpan.FromDays(365),
    ];

    private readonly double _width;

    /// <param name="width">The strip's width in SVG units, from 0.</param>
    public TimeAxis(DateTimeOffset first, DateTimeOffset last, double width)
    {
        _width = width;
        var span = last - first;
        if (span < TimeSpan.FromMinutes(1))
        {
            span = TimeSpan.FromMinutes(1);
        }

        // Room on the left for the first mark, and on the right for the version in use now.
        Start = first.UtcDateTime - (span * 0.03);
        End = first.UtcDateTime + (span * 1.12);
        Step = Steps.FirstOrDefault(step => (End - Start) / step <= MaxTicks, Steps[^1]);
    }

    public DateTime Start { get; }

    public DateTime End { get; }

    public TimeSpan Step { get; }

    /// <summary>Where <paramref name="time"/> is on the strip.</summary>
    public double X(DateTimeOffset time) => (time.UtcDateTime - Start) / (End - Start) * _width;

    /// <summary>Round moments on the axis (multiples of <see cref="Step"/> since the epoch, UTC), each with its label.</summary>
    public IEnumerable<(DateTime Time, string Label)> Ticks()
    {
        var tick = new DateTime((Start.Ticks + Step.Ticks - 1) / Step.Ticks * Step.Ticks, DateTimeKind.Utc);
        var format = Step < TimeSpan.FromMinutes(1) ? "HH:mm:ss" : Step < TimeSpan.FromDays(1) ? "MM-dd HH:mm" : "yyyy-MM-dd";
        for (; tick <= End; tick += Step)
        {
            yield return (tick, tick.ToString(format, CultureInfo.InvariantCulture));
        }
    }
}
