using System.Globalization;
using System.Text;

namespace Pipeline.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real pseudo-terminal: a detached tmux session on a server of its own, running one command in a window of a
/// fixed size, whose screen the test reads as a person would see it (<c>capture-pane</c>). The pane stays after the
/// command ends, so its last screen can be read; disposing kills the server and what runs in it.
/// <para>
/// The command's exit status goes to a file by a shell around it, not through tmux's <c>pane_dead_status</c>: a
/// tmux server started from the test process sometimes leaves the command a zombie it never reaps, status unknown.
/// </para>
/// </summary>
internal sealed class Tmux : IAsyncDisposable
{
    private const string Program = "tmux";
    private const string Session = "pipeline";

    /// <summary>How long the test waits for the screen to show something: a hang guard, not a measure of speed.</summary>
    private static readonly TimeSpan Deadline = HangGuard.Default;

    private readonly string _socket = $"pipeline-test-{Guid.NewGuid():N}";
    private readonly string _configuration;
    private readonly string _exitStatus;
    private readonly string _workingDirectory;

    private Tmux(string configuration, string exitStatus, string workingDirectory)
    {
        _configuration = configuration;
        _exitStatus = exitStatus;
        _workingDirectory = workingDirectory;
    }

    /// <summary>Starts <paramref name="command"/> (a program and its arguments, quoted for the shell here) in a <paramref name="width"/> × <paramref name="height"/> terminal.</summary>
    /// <param name="environment">The command's environment: this process's, changed by these (a null value unsets a variable).</param>
    public static async Task<Tmux> StartAsync(
        string workingDirectory,
        IReadOnlyList<string> command,
        IReadOnlyDictionary<string, string?> environment,
        int width = 120,
        int height = 40)
    {
        if (!File.Exists("/usr/bin/tmux") && !File.Exists("/usr/local/bin/tmux"))
        {
            await DebianPackages.InstallAsync("tmux", "the live progress tests");
        }

        // No status bar (the pane is the whole window) and the pane kept once its command exits.
        var files = Path.Combine(Path.GetTempPath(), $"pipeline-tmux-{Guid.NewGuid():N}");
        var configuration = files + ".conf";
        await File.WriteAllTextAsync(configuration, "set -g status off\nset -g remain-on-exit on\nset -g history-limit 5000\n");
        var tmux = new Tmux(configuration, files + ".status", workingDirectory);

        // Written to a temporary name and renamed, so the test never reads a status half written.
        string[] recorded = ["sh", "-c", "status=$1; shift; \"$@\"; echo $? > \"$status.tmp\" && mv \"$status.tmp\" \"$status\"", "sh", tmux._exitStatus, .. command];
        var shellCommand = string.Join(' ', recorded.Select(Quote));
        var started = await tmux.RunAsync(
            environment,
            "new-session", "-d", "-s", Session, "-x", width.ToString(CultureInfo.InvariantCulture), "-y", height.ToString(CultureInfo.InvariantCulture),
            "-c", workingDirectory, shellCommand);
        Assert.True(started.ExitCode == 0, $"tmux could not start '{shellCommand}':{Environment.NewLine}{started.Describe()}");
        return tmux;
    }

    /// <summary>
    /// The screen as it shows now: one string per row, trailing blanks dropped, without the line tmux adds below the
    /// output once the command ended ("Pane is dead (status 0, …)"). <paramref name="withColours"/>: with the escape
    /// sequences of the cells' colours and attributes (<c>capture-pane -e</c>).
    /// </summary>
    public async Task<IReadOnlyList<string>> ScreenAsync(bool withColours = false)
    {
        var captured = await RunAsync(null, ["capture-pane", "-p", .. withColours ? ["-e"] : Array.Empty<string>(), "-t", Session]);
        Assert.True(captured.ExitCode == 0, $"tmux capture-pane failed:{Environment.NewLine}{captured.Describe()}");
        var rows = captured.StandardOutput.Split('\n').Select(row => row.TrimEnd()).ToList();
        while (rows.Count > 0 && WithoutStyles(rows[^1]) is { } last && (last.Length == 0 || last.StartsWith("Pane is dead (", StringComparison.Ordinal)))
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return rows;
    }

    /// <summary>
    /// Reads the screen until it satisfies <paramref name="condition"/> and returns it; fails the test with the last
    /// screen seen when it does not within the hang guard, or when the command ended without it.
    /// </summary>
    public async Task<IReadOnlyList<string>> WaitForScreenAsync(string what, Func<IReadOnlyList<string>, bool> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var screen = await ScreenAsync();
            if (condition(screen))
            {
                return screen;
            }

            var ended = ExitStatus();
            if (ended is not null || DateTime.UtcNow > deadline)
            {
                // The screen may have changed between the two reads: once more, now that the command is done.
                screen = await ScreenAsync();
                if (condition(screen))
                {
                    return screen;
                }

                Assert.Fail($"The terminal never showed {what}{(ended is { } status ? $" (the command exited with {status})" : string.Empty)}. Last screen:{Environment.NewLine}{Show(screen)}");
            }

            // tmux has no event for "the screen now shows X": poll, bounded by the deadline, never as an assertion of time.
            await Task.Delay(50);
        }
    }

    /// <summary>Waits for the command to end; its exit status.</summary>
    public async Task<int> WaitForExitAsync()
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            if (ExitStatus() is { } status)
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The command in the terminal did not end. Screen:{Environment.NewLine}{Show(await ScreenAsync())}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The screen with row numbers, for failure messages.</summary>
    public static string Show(IReadOnlyList<string> screen) =>
        string.Join(Environment.NewLine, screen.Select((row, i) => $"{i + 1,3}| {row}"));

    public async ValueTask DisposeAsync()
    {
        await RunAsync(null, "kill-server");
        File.Delete(_configuration);
        File.Delete(_exitStatus);
    }

    /// <summary>Null while the command runs; its exit status once it ended.</summary>
    private int? ExitStatus() =>
        File.Exists(_exitStatus) && int.TryParse(File.ReadAllText(_exitStatus).Trim(), CultureInfo.InvariantCulture, out var status) ? status : null;

    private Task<ChildProcessResult> RunAsync(IReadOnlyDictionary<string, string?>? environment, params string[] arguments) =>
        ChildProcess.RunAsync(Program, ["-L", _socket, "-f", _configuration, .. arguments], _workingDirectory, environment);

    /// <summary>A captured row without its colour and attribute sequences (SGR: ESC [ ... m).</summary>
    public static string WithoutStyles(string row) => System.Text.RegularExpressions.Regex.Replace(row, "\u001b\\[[0-9;:]*m", string.Empty);

    /// <summary>One word for <c>sh -c</c>, which tmux runs the command with.</summary>
    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "_-+=/.,:@%".Contains(c, StringComparison.Ordinal))
            ? argument
            : new StringBuilder("'").Append(argument.Replace("'", "'\\''", StringComparison.Ordinal)).Append('\'').ToString();
}
