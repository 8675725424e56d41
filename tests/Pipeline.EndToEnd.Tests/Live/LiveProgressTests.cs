using System.Text.RegularExpressions;
using Pipeline.EndToEnd.Tests.Hosts;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Live;

/// <summary>
/// The live region in a real terminal (tmux): a parallel run whose two targets each wait for a marker file the test
/// creates, so what runs when is decided by the test, never by a clock.
/// </summary>
public sealed partial class LiveProgressTests : IDisposable
{
    /// <summary>Two targets that wait for a marker file each, then a third after both: also the faithfulness tests' terminal run.</summary>
    internal const string Script = """
        async Task WaitForMarker(string self)
        {
            var marker = Path.Combine("markers", self + ".go");
            Console.WriteLine($"{self} is waiting for {marker}");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!File.Exists(marker) && clock.Elapsed < TimeSpan.FromMinutes(5))
            {
                await Task.Delay(20);
            }

            if (!File.Exists(marker))
            {
                throw new TimeoutException($"{marker} never came");
            }

            Console.WriteLine($"{self} got its marker");
        }

        var left = Target("Left").Executes(() => WaitForMarker("Left"));
        var right = Target("Right").Executes(() => WaitForMarker("Right"));
        Default(Target("Both").DependsOn(left, right).Executes(() => Console.WriteLine("both done")));
        """;

    private readonly TempRepo _repo = new(Script);

    public LiveProgressTests() => Directory.CreateDirectory(_repo.Path("markers"));

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task A_parallel_run_shows_each_running_target_with_its_last_line_until_it_ends_and_the_final_screen_holds_the_summary()
    {
        await using var terminal = await Tmux.StartAsync(_repo.Root, Runner("--parallel", "2"), TerminalEnvironment());

        var running = await terminal.WaitForScreenAsync(
            "both targets in the live region with their last line",
            screen => RegionRow(screen, "Left")?.EndsWith("Left is waiting for markers/Left.go", StringComparison.Ordinal) == true &&
                RegionRow(screen, "Right")?.EndsWith("Right is waiting for markers/Right.go", StringComparison.Ordinal) == true);

        // The region sits below the scrolling log: after the lines the targets wrote.
        var lastLogRow = LastIndexOf(running, row => row.StartsWith("[Left] Left is waiting", StringComparison.Ordinal) || row.StartsWith("[Right] Right is waiting", StringComparison.Ordinal));
        Assert.True(lastLogRow >= 0 && running.ToList().IndexOf(RegionRow(running, "Left")!) > lastLogRow, Tmux.Show(running));

        await File.WriteAllTextAsync(_repo.Path("markers/Left.go"), "go");
        await terminal.WaitForScreenAsync(
            "Left gone from the live region once it succeeded, Right still in it",
            screen => screen.Any(row => row.StartsWith("✔ Left succeeded", StringComparison.Ordinal)) &&
                RegionRow(screen, "Left") is null && RegionRow(screen, "Right") is not null);

        await File.WriteAllTextAsync(_repo.Path("markers/Right.go"), "go");
        Assert.Equal(0, await terminal.WaitForExitAsync());
        var final = await terminal.ScreenAsync();

        Assert.DoesNotContain(final, IsRegionRow);
        foreach (var target in new[] { "Left", "Right", "Both" })
        {
            Assert.True(final.Any(row => SummaryRow(target).IsMatch(row)), $"No summary row for {target}:{Environment.NewLine}{Tmux.Show(final)}");
        }

        Assert.StartsWith("Build succeeded in ", final.Last(row => row.Length > 0), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NO_COLOR", "1", null)]
    [InlineData("CI", "true", null)]
    [InlineData("TERM", "dumb", null)]
    [InlineData(null, null, "--no-live")]
    public async Task No_live_region_is_drawn_with_NO_COLOR_on_CI_on_a_dumb_terminal_or_with_no_live(string? variable, string? value, string? option)
    {
        // Set by env(1) for the runner alone: tmux gives every pane its own TERM.
        string[] runner = Runner(["--parallel", "2", .. option is null ? Array.Empty<string>() : [option]]);
        await using var terminal = await Tmux.StartAsync(_repo.Root, variable is null ? runner : ["env", $"{variable}={value}", .. runner], TerminalEnvironment());

        // Both targets wrote their line and wait: a live region would be on the screen right below it by now.
        var running = await terminal.WaitForScreenAsync(
            "both targets waiting",
            screen => screen.Contains("[Left] Left is waiting for markers/Left.go") && screen.Contains("[Right] Right is waiting for markers/Right.go"));
        Assert.DoesNotContain(running, IsRegionRow);

        await File.WriteAllTextAsync(_repo.Path("markers/Left.go"), "go");
        await File.WriteAllTextAsync(_repo.Path("markers/Right.go"), "go");
        Assert.Equal(0, await terminal.WaitForExitAsync());
        Assert.DoesNotContain(await terminal.ScreenAsync(), IsRegionRow);
    }

    [Fact]
    public async Task Redirected_output_is_byte_for_byte_the_log_without_live_progress()
    {
        await File.WriteAllTextAsync(_repo.Path("markers/Left.go"), "go");
        await File.WriteAllTextAsync(_repo.Path("markers/Right.go"), "go");
        var local = HostFixtures.For("local");

        var redirected = await HostRun.StartAsync(_repo, local);
        var withoutLive = await HostRun.StartAsync(_repo, local, "--no-live");

        // Standard output to a file while standard error is still the terminal: that is no screen for a live region either.
        await using (var terminal = await Tmux.StartAsync(_repo.Root, ["sh", "-c", "exec \"$@\" > out.txt", "sh", .. Runner()], TerminalEnvironment()))
        {
            Assert.Equal(0, await terminal.WaitForExitAsync());
        }

        redirected.Result.ShouldExitWith(0);
        Assert.Equal(redirected.Output, withoutLive.Output);
        Assert.Equal(redirected.Error, withoutLive.Error);
        Assert.Equal(redirected.Output, redirected.Normalise(File.ReadAllText(_repo.Path("out.txt"))));
        Snapshot.Verify(redirected.Describe(withFiles: false), "local");
    }

    /// <summary>The runner, as the command a terminal runs.</summary>
    private static string[] Runner(params string[] arguments) => [DotNetHost.Path, PipelineRunner.RunnerAssembly, .. arguments];

    /// <summary>A developer's terminal: no CI variables, colour allowed, a UTF-8 locale.</summary>
    private Dictionary<string, string?> TerminalEnvironment()
    {
        var variables = HostFixtures.Environment(HostFixtures.For("local"), _repo.Root);
        variables["NO_COLOR"] = null;
        return PipelineRunner.ChildEnvironment(variables);
    }

    private static string? RegionRow(IReadOnlyList<string> screen, string target) =>
        screen.FirstOrDefault(row => row.StartsWith($"› {target} ", StringComparison.Ordinal) && ElapsedColumn().IsMatch(row));

    private static bool IsRegionRow(string row) => row.StartsWith("› ", StringComparison.Ordinal);

    private static Regex SummaryRow(string target) => new($@"^│ {target}\s+│ succeeded\s+│");

    private static int LastIndexOf(IReadOnlyList<string> screen, Func<string, bool> match)
    {
        for (var i = screen.Count - 1; i >= 0; i--)
        {
            if (match(screen[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The region's elapsed time after the name: <c>3s</c>, <c>1m 05s</c>.</summary>
    [GeneratedRegex(@"^› \S+\s+(\d+m )?\d+s(\s|$)")]
    private static partial Regex ElapsedColumn();
}
