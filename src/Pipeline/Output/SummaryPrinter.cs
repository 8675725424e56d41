using Pipeline.Execution;
using Pipeline.Secrets;
using Spectre.Console;

namespace Pipeline.Output;

/// <summary>The table that ends every run: each target, its outcome and duration, and the wall time.</summary>
internal static class SummaryPrinter
{
    public static void Print(IAnsiConsole console, RunResult run, SecretMasker secrets)
    {
        var table = new Table().Border(console.Profile.Capabilities.Unicode ? TableBorder.Rounded : TableBorder.Ascii)
            .AddColumn("Target")
            .AddColumn("Outcome")
            .AddColumn(new TableColumn("Duration").RightAligned())
            .AddColumn("Details");
        foreach (var result in run.Targets)
        {
            table.AddRow(
                Markup.Escape(result.Target.Name),
                Outcome(result),
                result.Outcome is TargetOutcome.NotRun ? string.Empty : Durations.Format(result.Duration),
                Markup.Escape(secrets.Apply(result.Reason ?? result.Slice?.Describe() ?? string.Empty)));
        }

        var verdict = run.ExitCode switch
        {
            ExitCodes.Success => "[green]Build succeeded[/]",
            ExitCodes.Cancelled => "[yellow]Build cancelled[/]",
            _ => "[red]Build failed[/]",
        };
        console.Write(table);
        console.MarkupLine($"{verdict} in {Durations.Format(run.WallTime)}");
    }

    private static string Outcome(TargetResult result) => result.Outcome switch
    {
        TargetOutcome.Succeeded when result.Reuse is { } reuse => $"[green]{reuse.Outcome}[/]",
        TargetOutcome.Succeeded => "[green]succeeded[/]",
        TargetOutcome.Failed when result.FailureAllowed => "[yellow]failed (allowed)[/]",
        TargetOutcome.Failed => "[red]failed[/]",
        TargetOutcome.Skipped => "[grey]skipped[/]",
        TargetOutcome.Cancelled => "[yellow]cancelled[/]",
        _ => "[grey]not run[/]",
    };
}
