using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Resident;

/// <summary>
/// The build the client tests run, whose targets say which process runs them: the client's own (it became
/// <c>dotnet &lt;runner&gt;</c>, the in-process run) or a resident runner's.
/// </summary>
internal static partial class ClientScript
{
    public const string Text = """
        Target("Pid").Executes(() => Console.WriteLine($"run in process {Environment.ProcessId}"));
        Target("Wait").Executes(async ct =>
        {
            Console.WriteLine($"waiting in process {Environment.ProcessId}");
            await Task.Delay(Timeout.Infinite, ct);
        });
        """;

    /// <summary>The process that ran the build's targets, from what <c>Pid</c> or <c>Wait</c> printed.</summary>
    public static int ProcessOf(string output)
    {
        var match = ProcessLine().Match(output);
        Assert.True(match.Success, $"No target said which process it ran in:{Environment.NewLine}{output}");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public static int ProcessOf(RunnerResult result) => ProcessOf(result.StandardOutput);

    [GeneratedRegex(@"(?:run|waiting) in process (\d+)")]
    private static partial Regex ProcessLine();
}
