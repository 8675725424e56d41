namespace Pipeline.EndToEnd.Tests.Distribution;

/// <summary>A fenced code block of the README, found by an HTML comment (invisible when rendered) on a line before it.</summary>
public static class ReadmeBlock
{
    /// <summary>Marks the block of the README's route into a user's repository, which <see cref="ReadmeRouteTests"/> runs.</summary>
    public const string RouteMarker = "<!-- tested: ReadmeRouteTests runs the next block as written -->";

    /// <summary>The lines of the first fenced block after <paramref name="marker"/>, without the fences.</summary>
    public static IReadOnlyList<string> Read(string readmePath, string marker)
    {
        var lines = File.ReadAllLines(readmePath);
        var markerLine = Array.FindIndex(lines, l => l.Trim() == marker);
        Assert.True(markerLine >= 0, $"{readmePath} has no line '{marker}' before the block it marks.");
        var opening = Array.FindIndex(lines, markerLine + 1, l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
        Assert.True(opening >= 0, $"{readmePath} has no fenced block after '{marker}'.");
        var closing = Array.FindIndex(lines, opening + 1, l => l.Trim() == "```");
        Assert.True(closing >= 0, $"The block after '{marker}' in {readmePath} is not closed.");
        return lines[(opening + 1)..closing];
    }
}
