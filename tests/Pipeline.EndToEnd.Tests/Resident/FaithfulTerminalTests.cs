using System.Text.RegularExpressions;
using Pipeline.EndToEnd.Tests.Hosts;
using Pipeline.EndToEnd.Tests.Infrastructure;
using Pipeline.EndToEnd.Tests.Live;

namespace Pipeline.EndToEnd.Tests.Resident;

/// <summary>
/// In a real terminal (tmux), a run through the native client looks as the same run in-process: colours and the live
/// region are decided from the client's terminal, though the runner's own output is a log file. Two targets each wait
/// for a marker the test creates once the live region shows them, so the screens differ only in durations.
/// </summary>
public sealed partial class FaithfulTerminalTests : IAsyncLifetime
{
    // The live region tests' script: two targets that wait for the markers the test creates, then one after both.
    private const string Script = LiveProgressTests.Script;

    private readonly TempRepo _repo = new(Script);

    private readonly ResidentRunners _runners = new();

    [Fact]
    public async Task A_run_through_the_client_in_a_terminal_shows_the_colours_live_region_and_final_screen_of_an_in_process_run()
    {
        var inProcess = await RunInTerminalAsync([DotNetHost.Path, PipelineRunner.RunnerAssembly, "--parallel", "2"], PipelineRunner.ChildEnvironment(TerminalVariables()));
        var through = await RunInTerminalAsync(
            [ResidentRunners.Client, PipelineRunner.RunnerAssembly, "--parallel", "2"],
            PipelineRunner.ChildEnvironment(_runners.Environment(TerminalVariables())));

        Assert.True(
            _runners.Sockets.Count > 0,
            $"The run in the terminal did not go through a resident runner: none listens in {_runners.Directory} " +
            $"({string.Join(", ", Directory.GetFileSystemEntries(_runners.Directory).Select(Path.GetFileName))}). Its screen:{Environment.NewLine}{Tmux.Show(through)}");
        Assert.Contains(inProcess, row => row.Contains('\u001b', StringComparison.Ordinal));
        SameBytes.ShouldMatch("final screen (with colours)", Normalise(inProcess), Normalise(through));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _runners.DisposeAsync();
        _repo.Dispose();
    }

    /// <summary>Runs the build in a terminal, releases the targets one by one once the live region shows them; the final screen, with colours.</summary>
    private async Task<IReadOnlyList<string>> RunInTerminalAsync(string[] command, IReadOnlyDictionary<string, string?> environment)
    {
        var markers = _repo.Path("markers");
        if (Directory.Exists(markers))
        {
            Directory.Delete(markers, recursive: true);
        }

        Directory.CreateDirectory(markers);
        await using var terminal = await Tmux.StartAsync(_repo.Root, command, environment);
        await terminal.WaitForScreenAsync(
            "both targets in the live region",
            screen => screen.Any(row => row.StartsWith("› Left ", StringComparison.Ordinal)) && screen.Any(row => row.StartsWith("› Right ", StringComparison.Ordinal)));
        // One after the other, so the log's order is the test's, not the scheduler's.
        await File.WriteAllTextAsync(Path.Combine(markers, "Left.go"), "go");
        await terminal.WaitForScreenAsync("Left succeeded", screen => screen.Any(row => row.StartsWith("✔ Left succeeded", StringComparison.Ordinal)));
        await File.WriteAllTextAsync(Path.Combine(markers, "Right.go"), "go");
        Assert.Equal(0, await terminal.WaitForExitAsync());
        return await terminal.ScreenAsync(withColours: true);
    }

    /// <summary>A developer's terminal: no CI variables, colour allowed.</summary>
    private Dictionary<string, string?> TerminalVariables()
    {
        var variables = HostFixtures.Environment(HostFixtures.For("local"), _repo.Root);
        variables["NO_COLOR"] = null;
        return variables;
    }

    /// <summary>
    /// Durations replaced; then runs of spaces and of the table's horizontal border, whose widths follow the durations' digits.
    /// Left and Right start at the same moment, in the scheduler's order: the rows before the test released them are
    /// sorted, without their styles and the targets' start lines (the live region, drawn below them, leaves one of the two on the final
    /// screen, in-process as through the runner).
    /// </summary>
    private string Normalise(IReadOnlyList<string> screen)
    {
        var rows = screen.Select(row => Border().Replace(Spaces().Replace(HostRun.Normalise(row, _repo.Root), " "), "─")).ToList();
        var released = rows.FindIndex(row => Tmux.WithoutStyles(row) == "[Left] Left got its marker");
        Assert.True(released > 0, $"The final screen does not show Left getting its marker:{Environment.NewLine}{Tmux.Show(screen)}");
        var started = rows.Take(released).Select(Tmux.WithoutStyles).Where(row => !row.StartsWith("▶ ", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        return string.Join('\n', started.Concat(rows.Skip(released)));
    }

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex("─{2,}")]
    private static partial Regex Border();
}
