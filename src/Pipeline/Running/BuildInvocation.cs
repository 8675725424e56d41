using Pipeline.CommandLine;
using Pipeline.Execution;
using Pipeline.Files;
using Pipeline.Output;
using Pipeline.Planning;

namespace Pipeline.Running;

/// <summary>
/// One invocation from start to exit code: read the command line, bind parameters, plan, then either show
/// help or the plan, or execute and report. Everything that can be wrong with the request is found
/// before the first target starts.
/// </summary>
internal static class BuildInvocation
{
    public static async Task<int> RunAsync(Build build, IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var console = PipelineConsole.Install();
        RunOptions options;
        ExecutionPlan plan;
        string? summaryPath;
        try
        {
            options = CommandLineParser.Parse(args, build.Parameters);
            if (options.ShowHelp)
            {
                HelpPrinter.Print(console.Ansi, build);
                return ExitCodes.Success;
            }

            if (options.Json && !options.ShowPlan)
            {
                throw new UsageException("--json goes with --plan; for the run's summary use --summary-json FILE.");
            }

            ParameterBinder.Bind(build.Parameters, options.ParameterValues, environment, build.InvocationDirectory);
            summaryPath = SummaryPath(options, build);
            plan = Planner.Plan(build.Targets, build.DefaultTarget, new PlanRequest(options.Targets, options.Skip, options.Only));
            if (ParameterBinder.MissingFor(plan.Order.Where(p => !p.SkippedByRequest).Select(p => p.Target)) is { } missing)
            {
                throw new UsageException(missing);
            }
        }
        catch (Exception exception) when (exception is UsageException or PlanningException or BuildDefinitionException)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            console.Flush();
            return ExitCodes.UsageError;
        }

        if (options.ShowPlan)
        {
            if (options.Json)
            {
                Console.Out.WriteLine(JsonReports.Plan(plan));
            }
            else
            {
                PlanPrinter.Print(console.Ansi, plan);
            }

            console.Flush();
            return ExitCodes.Success;
        }

        return await ExecuteAsync(build, plan, options with { SummaryJsonPath = summaryPath }, console).ConfigureAwait(false);
    }

    /// <summary>The absolute path for <c>--summary-json</c>, checked before anything runs.</summary>
    private static string? SummaryPath(RunOptions options, Build build)
    {
        if (options.SummaryJsonPath is not { } path)
        {
            return null;
        }

        var full = Path.GetFullPath(path, build.InvocationDirectory);
        return Directory.Exists(full)
            ? throw new UsageException($"--summary-json expects a file path, but '{path}' is a folder.")
            : full;
    }

    private static async Task<int> ExecuteAsync(Build build, ExecutionPlan plan, RunOptions options, PipelineConsole console)
    {
        using var signals = new InterruptSignals();
        console.LabelLines = options.Parallelism > 1;
        var executor = new Executor(plan, new ExecutorOptions(options.Parallelism, options.KeepGoing), new ConsoleRunReporter(console.Ansi));
        var run = await executor.RunAsync(signals.Token).ConfigureAwait(false);
        console.LabelLines = false;
        console.Flush();

        SummaryPrinter.Print(console.Ansi, run);
        var exitCode = run.ExitCode;
        if (options.SummaryJsonPath is { } path)
        {
            try
            {
                AtomicFile.WriteAllText(path, JsonReports.Summary(run, build.ClosingLines));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: could not write the summary to {path}: {exception.Message}");
                exitCode = exitCode == ExitCodes.Success ? ExitCodes.TargetFailed : exitCode;
            }
        }

        foreach (var line in build.ClosingLines)
        {
            Console.Out.WriteLine(line);
        }

        console.Flush();
        return exitCode;
    }
}
