using System.Globalization;

namespace Pipeline.Delivery;

/// <summary>
/// A time when nothing is released (year end, a weekend), in a time zone. A release inside one is refused
/// unless <c>--override-freeze "reason"</c> is given, and the reason goes into the ledger.
/// </summary>
public sealed class FreezeWindow
{
    private readonly Func<DateTimeOffset, bool> _contains;

    private FreezeWindow(string description, Func<DateTimeOffset, bool> contains)
    {
        Description = description;
        _contains = contains;
    }

    public string Description { get; }

    /// <summary>From <paramref name="start"/> to <paramref name="end"/> (local times such as <c>2026-12-20 00:00</c>) in <paramref name="timeZone"/> (an IANA id such as <c>Europe/Berlin</c>).</summary>
    public static FreezeWindow Between(string name, string start, string end, string timeZone)
    {
        var zone = Zone(timeZone);
        var from = Local(start, zone);
        var to = Local(end, zone);
        return to <= from
            ? throw new BuildDefinitionException($"Freeze window '{name}' ends ({end}) before it starts ({start}).")
            : new FreezeWindow($"{name} ({start} to {end} {timeZone})", now => now >= from && now < to);
    }

    /// <summary>Every week from one day and time to another (e.g. Friday 16:00 to Monday 08:00) in <paramref name="timeZone"/>.</summary>
    public static FreezeWindow Weekly(string name, DayOfWeek fromDay, TimeOnly fromTime, DayOfWeek toDay, TimeOnly toTime, string timeZone)
    {
        var zone = Zone(timeZone);
        var from = MinuteOfWeek(fromDay, fromTime);
        var to = MinuteOfWeek(toDay, toTime);
        if (from == to)
        {
            throw new BuildDefinitionException($"Freeze window '{name}' starts and ends at the same time of the week, so it would never hold.");
        }

        return new FreezeWindow(
            string.Create(CultureInfo.InvariantCulture, $"{name} (every {fromDay} {fromTime:HH\\:mm} to {toDay} {toTime:HH\\:mm} {timeZone})"),
            now =>
            {
                var local = TimeZoneInfo.ConvertTime(now, zone);
                var minute = MinuteOfWeek(local.DayOfWeek, TimeOnly.FromDateTime(local.DateTime));
                return from <= to ? minute >= from && minute < to : minute >= from || minute < to;
            });
    }

    public bool Contains(DateTimeOffset instant) => _contains(instant);

    public override string ToString() => Description;

    private static int MinuteOfWeek(DayOfWeek day, TimeOnly time) => ((int)day * 24 * 60) + (time.Hour * 60) + time.Minute;

    private static TimeZoneInfo Zone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new BuildDefinitionException($"Unknown time zone '{id}' for a freeze window; use an IANA id such as 'Europe/Berlin' or 'UTC'.");
        }
    }

    private static DateTimeOffset Local(string text, TimeZoneInfo zone)
    {
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw new BuildDefinitionException($"'{text}' is not a date and time for a freeze window; write it as 2026-12-20 00:00.");
        }

        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }
}
