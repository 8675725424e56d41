using Pipeline.Delivery;

namespace Pipeline.Tests.Delivery;

public class FreezeWindowTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    [Fact]
    public void Between_takes_its_local_times_in_the_given_zone()
    {
        // Berlin is UTC+1 in winter: the window is 2026-12-19 23:00Z to 2027-01-01 23:00Z.
        var window = FreezeWindow.Between("year end", "2026-12-20 00:00", "2027-01-02 00:00", "Europe/Berlin");

        Assert.False(window.Contains(Utc(2026, 12, 19, 22, 59, 59)));
        Assert.True(window.Contains(Utc(2026, 12, 19, 23, 0)));
        Assert.True(window.Contains(Utc(2027, 1, 1, 22, 59, 59)));
        Assert.False(window.Contains(Utc(2027, 1, 1, 23, 0)));
    }

    [Fact]
    public void Between_follows_summer_time_in_the_zone()
    {
        // Berlin is UTC+2 in July: 12:00 to 13:00 local is 10:00Z to 11:00Z; 12:30Z would be inside only if read as UTC.
        var window = FreezeWindow.Between("lunch", "2026-07-01 12:00", "2026-07-01 13:00", "Europe/Berlin");

        Assert.True(window.Contains(Utc(2026, 7, 1, 10, 30)));
        Assert.False(window.Contains(Utc(2026, 7, 1, 12, 30)));
    }

    [Fact]
    public void An_instant_with_another_offset_is_compared_as_the_same_moment()
    {
        var window = FreezeWindow.Between("year end", "2026-12-20 00:00", "2027-01-02 00:00", "Europe/Berlin");

        // 2026-12-19 18:30 in New York (UTC-5) is 23:30Z, inside.
        Assert.True(window.Contains(new DateTimeOffset(2026, 12, 19, 18, 30, 0, TimeSpan.FromHours(-5))));
    }

    [Fact]
    public void Between_describes_itself_with_name_times_and_zone()
    {
        var window = FreezeWindow.Between("year end", "2026-12-20 00:00", "2027-01-02 00:00", "Europe/Berlin");

        Assert.Equal("year end (2026-12-20 00:00 to 2027-01-02 00:00 Europe/Berlin)", window.ToString());
    }

    [Fact]
    public void Weekly_wraps_over_the_weekend()
    {
        // Friday 16:00 to Monday 08:00 in Berlin (UTC+1 in January). 2026-01-02 is a Friday.
        var window = FreezeWindow.Weekly("weekend", DayOfWeek.Friday, new TimeOnly(16, 0), DayOfWeek.Monday, new TimeOnly(8, 0), "Europe/Berlin");

        Assert.False(window.Contains(Utc(2026, 1, 2, 14, 59)));  // Friday 15:59 Berlin
        Assert.True(window.Contains(Utc(2026, 1, 2, 15, 0)));    // Friday 16:00 Berlin
        Assert.True(window.Contains(Utc(2026, 1, 3, 12, 0)));    // Saturday
        Assert.True(window.Contains(Utc(2026, 1, 4, 23, 30)));   // Monday 00:30 Berlin, though still Sunday in UTC
        Assert.True(window.Contains(Utc(2026, 1, 5, 6, 59)));    // Monday 07:59 Berlin
        Assert.False(window.Contains(Utc(2026, 1, 5, 7, 0)));    // Monday 08:00 Berlin
        Assert.False(window.Contains(Utc(2026, 1, 7, 12, 0)));   // Wednesday
    }

    [Fact]
    public void Weekly_within_one_week_does_not_wrap()
    {
        var window = FreezeWindow.Weekly("maintenance", DayOfWeek.Tuesday, new TimeOnly(9, 0), DayOfWeek.Tuesday, new TimeOnly(11, 0), "UTC");

        Assert.True(window.Contains(Utc(2026, 1, 6, 10, 0)));    // Tuesday 10:00
        Assert.False(window.Contains(Utc(2026, 1, 6, 11, 0)));
        Assert.False(window.Contains(Utc(2026, 1, 8, 10, 0)));   // Thursday
        Assert.Equal("maintenance (every Tuesday 09:00 to Tuesday 11:00 UTC)", window.ToString());
    }

    [Fact]
    public void An_unknown_time_zone_is_a_definition_error_naming_it()
    {
        var between = Assert.Throws<BuildDefinitionException>(() => FreezeWindow.Between("x", "2026-12-20 00:00", "2027-01-02 00:00", "Mars/Olympus_Mons"));
        var weekly = Assert.Throws<BuildDefinitionException>(() =>
            FreezeWindow.Weekly("x", DayOfWeek.Friday, new TimeOnly(16, 0), DayOfWeek.Monday, new TimeOnly(8, 0), "Mars/Olympus_Mons"));

        Assert.Contains("'Mars/Olympus_Mons'", between.Message, StringComparison.Ordinal);
        Assert.Contains("'Mars/Olympus_Mons'", weekly.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_that_ends_before_or_when_it_starts_is_a_definition_error()
    {
        var backwards = Assert.Throws<BuildDefinitionException>(() => FreezeWindow.Between("year end", "2027-01-02 00:00", "2026-12-20 00:00", "Europe/Berlin"));
        Assert.Throws<BuildDefinitionException>(() => FreezeWindow.Between("empty", "2026-12-20 00:00", "2026-12-20 00:00", "UTC"));

        Assert.Equal("Freeze window 'year end' ends (2026-12-20 00:00) before it starts (2027-01-02 00:00).", backwards.Message);
    }

    [Fact]
    public void A_time_that_is_not_a_date_is_a_definition_error_showing_the_format()
    {
        var error = Assert.Throws<BuildDefinitionException>(() => FreezeWindow.Between("x", "next friday", "2027-01-02 00:00", "UTC"));

        Assert.Contains("'next friday'", error.Message, StringComparison.Ordinal);
        Assert.Contains("2026-12-20 00:00", error.Message, StringComparison.Ordinal);
    }
}
