using Pipeline.Execution;
using Pipeline.Secrets;
using Spectre.Console;

namespace Pipeline.Output;

/// <summary>Prints each target's start and end as the run goes.</summary>
internal sealed class ConsoleRunReporter(IAnsiConsole console) : IRunObserver
{
    private readonly bool _unicode = console.Profile.Capabilities.Unicode;

    public void TargetStarting(Target target) =>
        console.MarkupLine($"[bold deepskyblue1]{Symbol("▶", ">")} {Markup.Escape(target.Name)}[/]");

    public void TargetFinished(TargetResult result)
    {
        var name = Markup.Escape(result.Target.Name);
        var reason = Markup.Escape(SecretMasker.Apply(result.Reason ?? string.Empty));
        switch (result.Outcome)
        {
            case TargetOutcome.Succeeded:
                console.MarkupLine($"[green]{Symbol("✔", "+")} {name} succeeded in {Durations.Format(result.Duration)}[/]");
                break;
            case TargetOutcome.Failed when result.FailureAllowed:
                console.MarkupLine($"[yellow]{Symbol("⚠", "!")} {name} failed (allowed): {reason}[/]");
                break;
            case TargetOutcome.Failed:
                console.MarkupLine($"[red]{Symbol("✖", "x")} {name} failed: {reason}[/]");
                break;
            case TargetOutcome.Skipped:
                console.MarkupLine($"[grey]{Symbol("○", "-")} {name} skipped: {reason}[/]");
                break;
            case TargetOutcome.Cancelled:
                console.MarkupLine($"[yellow]{Symbol("■", "#")} {name} cancelled[/]");
                break;
            case TargetOutcome.NotRun:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(result), result.Outcome, "Unknown outcome.");
        }
    }

    private string Symbol(string unicode, string ascii) => _unicode ? unicode : ascii;
}
