using Spectre.Console;

namespace Pipeline.Output;

/// <summary><c>--help</c>: the targets, the parameters with their types, defaults and variables, and the options.</summary>
internal static class HelpPrinter
{
    private static readonly (string Option, string Meaning)[] Options =
    [
        ("--help, -h", "Show this help."),
        ("--plan", "Show the execution plan as a tree; run nothing."),
        ("--json", "With --plan: print the plan as JSON."),
        ("--html [FILE.html]", "With --plan: the dependency graph as a page (artifacts/plan.html); with --history ENV: the ledger as a page."),
        ("--parallel [N]", "Run independent targets concurrently, at most N at a time (default: processor count)."),
        ("--keep-going", "After a failure, run everything that does not depend on it."),
        ("--skip TARGET", "Leave a target out (repeatable or comma-separated); its dependents still run."),
        ("--only", "Run the named targets without their dependencies."),
        ("--force [T,...]", "Run incremental targets even when up to date: all, or the named ones."),
        ("--partition I/N", "Run slice I of N of the partitioned targets (CI's fan-out); without it they run whole."),
        ("--summary-json FILE", "Also write the run's summary as JSON to FILE."),
        ("--trace FILE", "Also write the run as Chrome trace-event JSON (Perfetto, chrome://tracing): lanes, targets, child processes."),
        ("--no-live", "In a terminal, show only the scrolling log, without the live region of running targets."),
        ("--host NAME", "Talk to this CI host instead of the detected one (try its output locally); 'local' forces plain output."),
        ("--approve [--comment TEXT]", "Approve the candidate being released (recorded with who, when, its digest and the comment)."),
        ("--dry-run", "Judge every release rule and print the verdicts; change nothing (exit 0 if it would go, 3 if not)."),
        ("--candidate VERSION|DIGEST", "Release this recorded candidate instead of the one that passed QA for the current commit."),
        ("--rollback-to VERSION", "Promote the recorded bytes of an earlier release again (no downgrade rule; needs a new approval)."),
        ("--override-freeze REASON", "Release inside a freeze window (identities the policy lists in BreakGlassBy); the reason goes into the ledger."),
        ("--signing-key PATH", "The SSH key that signs --approve (else PIPELINE_SIGNING_KEY, else git's user.signingkey)."),
        ("--release-mode MODE", "delivery (a person approves) or deployment (no person), if the script allows it; also PIPELINE_RELEASE_MODE."),
        ("--history ENV [--json]", "Print an environment's ledger: what was deployed and released, when, by whom, from which commit."),
        ("--generate-ci", "Write the CI files the script declares (GitHub Actions, GitLab CI, Azure Pipelines) and print the host settings they need."),
        ("--check-ci", "Change nothing; exit 5 naming each generated CI file that is missing or stale, with a diff."),
        ("--stop-runner", "Stop your resident runners (the warm process that runs your builds; PIPELINE_RUNNER=off runs without one)."),
        ("--verify-artifact PATH --expect-digest D", "Check a downloaded candidate: its manifest has digest D and every file matches it (exit 3 if not)."),
    ];

    /// <param name="launcher">How the user starts the build (<c>./build.sh</c>, <c>./build.ps1</c>), for the usage line.</param>
    public static void Print(IAnsiConsole console, Build build, string launcher)
    {
        console.MarkupLine($"[bold]Usage:[/] {Markup.Escape(launcher)} [[targets...]] [[options]] [[--parameter value...]]");
        console.WriteLine();

        var targets = NewTable("Target", "Description", "Depends on");
        foreach (var target in build.Targets.Where(t => !t.IsHidden))
        {
            var name = Markup.Escape(target.Name) + (ReferenceEquals(target, build.DefaultTarget) ? " [grey](default)[/]" : string.Empty);
            targets.AddRow(name, Markup.Escape(target.DescriptionText ?? string.Empty), Markup.Escape(string.Join(", ", target.Dependencies.Select(d => d.Name))));
        }

        console.MarkupLine("[bold]Targets[/]");
        console.Write(targets);

        if (build.Parameters.Count > 0)
        {
            var parameters = NewTable("Parameter", "Type", "Default", "Environment variable", "Description");
            foreach (var parameter in build.Parameters)
            {
                var type = ParameterValueParser.Describe(Nullable.GetUnderlyingType(parameter.ValueType) ?? parameter.ValueType);
                var notes = parameter.IsSecret ? " [yellow](secret)[/]" : parameter.IsRequired ? " [yellow](required)[/]" : string.Empty;
                parameters.AddRow(
                    $"--{Markup.Escape(parameter.Name)}{notes}",
                    Markup.Escape(type),
                    Markup.Escape(parameter.DisplayDefault(build.Root) ?? string.Empty),
                    Markup.Escape(parameter.EnvironmentVariable),
                    Markup.Escape(parameter.Description));
            }

            console.MarkupLine("[bold]Parameters[/] (command line first, then the environment variable, then the default)");
            console.Write(parameters);
        }

        var options = NewTable("Option", "Meaning");
        foreach (var (option, meaning) in Options)
        {
            options.AddRow(Markup.Escape(option), Markup.Escape(meaning));
        }

        console.MarkupLine("[bold]Options[/]");
        console.Write(options);
        console.MarkupLine(
            "[bold]Exit codes:[/] 0 success, 1 a target failed, 2 usage error (unknown target, bad parameter, cycle, script error), " +
            "3 release refused by its policy, 4 the summary file could not be written, 5 generated CI files stale (--check-ci), 70 Pipeline failed (a bug: PIPELINE_TRACE=1 for details), " +
            "75 the resident runner stopped in the middle of the run (run again), 130 cancelled (Ctrl+C or SIGTERM; a second one forces the stop).");
    }

    private static Table NewTable(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in columns)
        {
            table.AddColumn(column);
        }

        return table;
    }
}
