using System.Text;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Distribution;

/// <summary>
/// Lines of shell, as a user pastes them into a terminal, run in one bash that stops at the first command that fails
/// (<c>set -e</c>), with what each command wrote to standard output kept apart: a DEBUG trap prints a marker line
/// naming each command before it runs. The lines themselves run unchanged.
/// </summary>
public sealed class ShellTranscript
{
    private const string Marker = "::shell-transcript-command:: ";

    private ShellTranscript(RunnerResult whole, IReadOnlyList<(string Command, string Output)> commands)
    {
        Whole = whole;
        Commands = commands;
    }

    /// <summary>The bash process: its exit code and everything it wrote.</summary>
    public RunnerResult Whole { get; }

    /// <summary>Every command bash started, in order, with its standard output; the last is the one that failed, if one did.</summary>
    public IReadOnlyList<(string Command, string Output)> Commands { get; }

    public string LastCommand => Commands.Count == 0 ? string.Empty : Commands[^1].Command;

    public static async Task<ShellTranscript> RunAsync(
        IReadOnlyList<string> lines,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment)
    {
        var script = new StringBuilder()
            .AppendLine("set -e")
            .AppendLine($"trap 'printf \"\\n{Marker}%s\\n\" \"$BASH_COMMAND\"' DEBUG")
            .AppendJoin('\n', lines)
            .AppendLine()
            .ToString();
        var whole = await Terminal.RunAsync("bash", ["-c", script], workingDirectory, environment, HangGuard.ColdBuild);
        return new ShellTranscript(whole, Split(whole.StandardOutput));
    }

    /// <summary>
    /// What <paramref name="command"/> (as bash names it: the command as written, without its comment) wrote to
    /// standard output, as a finished process with exit code 0 (so it ran, and bash went on: it succeeded).
    /// </summary>
    public RunnerResult Of(string command)
    {
        var index = Commands.ToList().FindIndex(c => c.Command == command);
        Assert.True(index >= 0, $"The commands did not run '{command}'.{Environment.NewLine}{this}");
        Assert.True(
            index < Commands.Count - 1 || Whole.ExitCode == 0,
            $"'{command}' failed (exit code {Whole.ExitCode}).{Environment.NewLine}{this}");
        return new RunnerResult(0, Commands[index].Output, string.Empty);
    }

    public override string ToString() =>
        $"Commands run: {string.Join(" | ", Commands.Select(c => c.Command))}{Environment.NewLine}{Whole}";

    private static List<(string Command, string Output)> Split(string standardOutput)
    {
        var commands = new List<(string Command, string Output)>();
        string? command = null;
        var output = new StringBuilder();
        foreach (var line in standardOutput.Split('\n'))
        {
            if (line.StartsWith(Marker, StringComparison.Ordinal))
            {
                if (command is not null)
                {
                    commands.Add((command, output.ToString()));
                }

                command = line[Marker.Length..];
                output.Clear();
            }
            else if (command is not null)
            {
                output.Append(line).Append('\n');
            }
        }

        if (command is not null)
        {
            commands.Add((command, output.ToString()));
        }

        return commands;
    }
}
