using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Scripting;

/// <summary>What a build script can count on from the runtime the runner gives it.</summary>
public sealed class ScriptRuntimeTests
{
    [Fact]
    public async Task Script_can_format_with_a_specific_culture()
    {
        using var repo = new TempRepo("""
            using System.Globalization;

            var report = Target("Report").Executes(() =>
                Console.WriteLine($"german: {1234.5.ToString("N2", CultureInfo.GetCultureInfo("de-DE"))}"));
            Default(report);
            """);

        var result = await repo.RunAsync();

        result.ShouldExitWith(0);
        Assert.Contains("german: 1.234,50", result.OutputLines);
        result.ShouldShowNoStackTrace();
    }
}
