using Pipeline.Execution;
using Pipeline.Hosts;
using Pipeline.Secrets;
using Spectre.Console;

namespace Pipeline.Output;

/// <summary>
/// Prints each target's start and end as the run goes and tells the CI host about it: each target's output
/// in a collapsible group (sequential runs only: concurrent output cannot be grouped), and failures as
/// annotations pointing at the script line where known.
/// </summary>
internal sealed class ConsoleRunReporter(IAnsiConsole console, SecretMasker secrets, HostChannel? host = null, bool groups = false) : IRunObserver
{
    private readonly bool _unicode = console.Profile.Capabilities.Unicode;
    private readonly HashSet<Target> _openGroups = [];

    public void TargetStarting(Target target)
    {
        if (groups && host is not null)
        {
            lock (_openGroups)
            {
                _openGroups.Add(target);
            }

            host.Apply(host.Host.BeginGroup(target.Name));
        }

        console.MarkupLine($"[bold deepskyblue1]{Symbol("▶", ">")} {Markup.Escape(target.Name)}[/]");
    }

    public void TargetFinished(TargetResult result)
    {
        CloseGroup(result.Target);
        var name = Markup.Escape(result.Target.Name);
        var reason = Markup.Escape(secrets.Apply(result.Reason ?? string.Empty));
        switch (result.Outcome)
        {
            case TargetOutcome.Succeeded when result.Reuse is { } reuse:
                console.MarkupLine($"[green]{Symbol("✔", "+")} {name} {reuse.Outcome} in {Durations.Format(result.Duration)}: {reason}[/]");
                break;
            case TargetOutcome.Succeeded:
                // A target settled by its partitions says so (the reason); one that ran says nothing more.
                console.MarkupLine($"[green]{Symbol("✔", "+")} {name} succeeded in {Durations.Format(result.Duration)}{(reason.Length > 0 ? $": {reason}" : string.Empty)}[/]");
                break;
            case TargetOutcome.Failed when result.FailureAllowed:
                console.MarkupLine($"[yellow]{Symbol("⚠", "!")} {name} failed (allowed): {reason}[/]");
                Annotate(AnnotationLevel.Warning, result);
                break;
            case TargetOutcome.Failed:
                console.MarkupLine($"[red]{Symbol("✖", "x")} {name} failed: {reason}[/]");
                Annotate(AnnotationLevel.Error, result);
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

    private void CloseGroup(Target target)
    {
        bool wasOpen;
        lock (_openGroups)
        {
            wasOpen = _openGroups.Remove(target);
        }

        if (wasOpen)
        {
            host!.Apply(host.Host.EndGroup(target.Name));
        }
    }

    private void Annotate(AnnotationLevel level, TargetResult result)
    {
        host?.Apply(host.Host.Annotate(new Annotation(
            level,
            secrets.Apply($"{result.Target.Name} failed: {result.Reason}"),
            result.Location?.File,
            result.Location?.Line,
            Title: $"Target {result.Target.Name}")));
    }

    private string Symbol(string unicode, string ascii) => _unicode ? unicode : ascii;
}
