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

            ParameterBinder.Bind(build.Parameters, options.ParameterValues, environment);
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

        return await ExecuteAsync(build, plan, options, console).ConfigureAwait(false);
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
        if (options.SummaryJsonPath is { } path)
        {
            AtomicFile.WriteAllText(path, JsonReports.Summary(run, build.ClosingLines));
        }

        foreach (var line in build.ClosingLines)
        {
            Console.Out.WriteLine(line);
        }

        console.Flush();
        return run.ExitCode;
    }
}
