namespace Pipeline.Bench;

/// <summary>Medians: robust to the odd run that a noisy, shared machine slows down.</summary>
internal static class Statistics
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("The median of no values.", nameof(values));
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static double Median(IEnumerable<TimeSpan> values) => Median(values.Select(v => v.TotalMilliseconds));
}

/// <summary>
/// Subject runs interleaved with floor runs, one pair per round (the order alternating, so neither always
/// goes first). The ratio is the median of the rounds' own ratios: a stretch of load on the machine slows
/// both runs of a round and cancels out.
/// </summary>
internal sealed record PairedRuns(IReadOnlyList<TimeSpan> Floor, IReadOnlyList<TimeSpan> Subject)
{
    public double FloorMedianMs => Statistics.Median(Floor);

    public double SubjectMedianMs => Statistics.Median(Subject);

    public double Ratio => Statistics.Median(Floor.Zip(Subject, (floor, subject) => subject.TotalMilliseconds / floor.TotalMilliseconds));

    /// <summary>The spread, for the log: a wide one says the machine was busy.</summary>
    public string Spread() => $"floor {Range(Floor)}; subject {Range(Subject)}";

    private static string Range(IReadOnlyList<TimeSpan> times) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"min {times.Min().TotalMilliseconds:0} ms, median {Statistics.Median(times):0} ms, max {times.Max().TotalMilliseconds:0} ms");

    public static async Task<PairedRuns> MeasureAsync(int rounds, Func<int, Task<TimeSpan>> floor, Func<int, Task<TimeSpan>> subject)
    {
        var floorTimes = new List<TimeSpan>(rounds);
        var subjectTimes = new List<TimeSpan>(rounds);
        for (var round = 0; round < rounds; round++)
        {
            if (round % 2 == 0)
            {
                floorTimes.Add(await floor(round));
                subjectTimes.Add(await subject(round));
            }
            else
            {
                subjectTimes.Add(await subject(round));
                floorTimes.Add(await floor(round));
            }
        }

        return new PairedRuns(floorTimes, subjectTimes);
    }
}
