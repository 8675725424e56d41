using Pipeline.Output;

namespace Pipeline.Tests;

public class DurationsTests
{
    [Theory]
    [InlineData(420, "420 ms")]
    [InlineData(3200, "3.2 s")]
    [InlineData(125_000, "2 min 05 s")]
    [InlineData(7_500_000, "2 h 05 min")]
    public void Durations_read_as_people_say_them(int milliseconds, string expected)
    {
        Assert.Equal(expected, Durations.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }
}
