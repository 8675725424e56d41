using System.Globalization;

namespace Pipeline.Output;

/// <summary>Durations as people read them: <c>420 ms</c>, <c>3.2 s</c>, <c>2 min 05 s</c>, <c>2 h 05 min</c>.</summary>
internal static class Durations
{
    public static string Format(TimeSpan duration) => duration.TotalSeconds switch
    {
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0} ms"),
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.0} s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes} min {duration.Seconds:00} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours} h {duration.Minutes:00} min"),
    };
}
