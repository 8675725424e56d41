using Pipeline.BuildCache;
using Pipeline.CiGeneration;
using Pipeline.CommandLine;
using Pipeline.Delivery;
using Pipeline.Delivery.Records;
using Pipeline.Execution;
using Pipeline.Hosts;
using Pipeline.Incremental;
using Pipeline.Output;
using Pipeline.Output.Live;
using Pipeline.Planning;
using Pipeline.Reports;
using Pipeline.Secrets;

namespace Pipeline.Running;

/// <summary>
/// One invocation from start to exit code: read the command line, bind parameters, plan, then either show
/// help or the plan, or execute and report. Everything that can be wrong with the request is found
/// before the first target starts.
/// </summary>
internal static class BuildInvocation
{
    public static async Task<int> RunAsync(Build build, IReadOnlyList<string> args, Func<string, string?> environment, TimeProvider time)
    {
        var secrets = new SecretMasker();

        // The token a release job reads its reviewers with: masked from the start, whatever prints it.
        secrets.Register(environment(Delivery.Identities.HostReview.TokenVariable));
        var currentTarget = new CurrentTarget();
        var capture = new OutputCapture();
        using var console = PipelineConsole.Install(secrets, currentTarget, noColor: !string.IsNullOrEmpty(environment("NO_COLOR")), capture);
        RunOptions options;
        ExecutionPlan plan;
        string? summaryPath;
        string? tracePath;
        string? planPagePath;
        RunContext run;
        Dictionary<Target, string> satisfied;
        BuildCacheSettings cacheSettings;
        try
        {
            options = ForcedTargetsRunWhenNoneIsNamed(build, CommandLineParser.Parse(args, build.Parameters, secrets, [.. build.Targets.Select(t => t.Name)]));
            if (options.ShowHelp)
            {
                HelpPrinter.Print(console.Ansi, build, environment("PIPELINE_LAUNCHER") is { Length: > 0 } launcher ? launcher : "./build.sh");
                return ExitCodes.Success;
            }

            if (options.Json && !options.ShowPlan && options.History is null)
            {
                throw new UsageException("--json goes with --plan or --history; for the run's summary use --summary-json FILE.");
            }

            if (options.Html is not null && ((!options.ShowPlan && options.History is null) || options.Json))
            {
                throw new UsageException("--html goes with --plan or --history ENV (and not with --json); every run writes artifacts/report.html anyway.");
            }

            if (options.TracePath is not null && (options.ShowPlan || options.History is not null))
            {
                throw new UsageException("--trace FILE records a run of targets; it does not go with --plan or --history.");
            }

            var records = RecordsStore.For(build, environment);
            if (options.History is { } environmentName)
            {
                var history = build.FindEnvironment(environmentName);
                return HistoryPrinter.Print(console, history, records, options.Json, HtmlPagePath(options, ReportFiles.HistoryOf(history.Name), build));
            }

            if (options.Ci is { } ciRequest)
            {
                return CiCommands.Run(build, ciRequest, Console.Out, Console.Error);
            }

            cacheSettings = BuildCacheSettings.From(environment, build.InvocationDirectory);
            secrets.Register(cacheSettings.Token);
            var channel = ConnectHost(options, new HostEnvironment(environment), console, secrets);
            var parameters = ParameterBinder.Bind(build.Parameters, options.ParameterValues, environment, build.InvocationDirectory, secrets);
            run = new RunContext(build, channel, secrets, currentTarget, time, parameters) { Console = console, Capture = capture };
            summaryPath = options.SummaryJsonPath is { } summary ? WritablePath("--summary-json", summary, build) : null;
            tracePath = options.TracePath is { } trace ? WritablePath("--trace", trace, build) : null;
            planPagePath = HtmlPagePath(options, ReportFiles.Plan, build);
            plan = Planner.Plan(build.Targets, build.DefaultTarget, new PlanRequest(options.Targets, options.Skip, options.Only));
            run.Partition = PartitionRequest.SliceFor(plan, options.Partition);
            if (!options.ShowPlan && ParameterBinder.MissingFor(plan.Order.Where(p => !p.SkippedByRequest).Select(p => p.Target), parameters) is { } missing)
            {
                throw new UsageException(missing);
            }

            var report = new ConsoleDeliveryReport();
            run.Delivery = new DeliveryRun(build, WithModeFromEnvironment(options.Delivery, environment), run.Channel.Environment, report, time) { Secrets = secrets, Records = records };
            using (run.Enter())
            {
                satisfied = options.ShowPlan ? [] : await DeliveryPlanning.PrepareAsync(plan, run.Delivery, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is UsageException or PlanningException or BuildDefinitionException)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return ExitCodes.UsageError;
        }
        catch (ReleaseRefusedException refusal)
        {
            Console.Error.WriteLine($"error: {refusal.Message}");
            return ExitCodes.Refused;
        }

        if (options.ShowPlan)
        {
            var incremental = new IncrementalTargets(run, cache: null, options.Force).Preview(plan.Order.Where(p => !p.SkippedByRequest).Select(p => p.Target));
            if (planPagePath is not null)
            {
                AtomicFile.WriteAllText(planPagePath, PlanPage.Render(build, plan, incremental), durable: false);
                Console.Out.WriteLine($"Wrote the plan's graph to {planPagePath}");
            }
            else if (options.Json)
            {
                Console.Out.WriteLine(JsonReports.Plan(plan, incremental));
            }
            else
            {
                PlanPrinter.Print(console.Ansi, plan, incremental);
            }

            return ExitCodes.Success;
        }

        using (run.Enter())
        {
            var cache = () => BuildCaches.Create(ReadOnlyForPullRequests(cacheSettings, run, environment), secrets, Console.Error.WriteLine);
            return await ExecuteAsync(run, plan, options with { SummaryJsonPath = summaryPath, TracePath = tracePath }, satisfied, cache).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <c>--force Test</c> names a target that must exist; with no other target named, it is also the one that runs
    /// (<c>./build.sh --force Test</c> runs Test, forced).
    /// </summary>
    private static RunOptions ForcedTargetsRunWhenNoneIsNamed(Build build, RunOptions options)
    {
        var byName = build.Targets.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        var forced = options.Force.TargetNames.Select(name => Planner.Resolve(name, byName).Name).ToList();
        return forced.Count > 0 && options.Targets.Count == 0 ? options with { Targets = forced } : options;
    }

    /// <summary>
    /// A pull request's run reads the build cache but writes nothing to it, unless <c>PIPELINE_BUILD_CACHE_MODE</c> says
    /// otherwise: its code is not yet trusted, and what it stores, every later run would restore.
    /// </summary>
    private static BuildCacheSettings ReadOnlyForPullRequests(BuildCacheSettings settings, RunContext run, Func<string, string?> environment) =>
        settings.Mode == BuildCacheMode.ReadWrite && string.IsNullOrEmpty(environment("PIPELINE_BUILD_CACHE_MODE")) && run.Identity.IsPullRequest
            ? settings with { Mode = BuildCacheMode.ReadOnly }
            : settings;

    /// <summary>
    /// <c>--release-mode</c> wins; else <c>PIPELINE_RELEASE_MODE</c>, which a CI host sets per branch or environment.
    /// Either may only make a script's policy stricter (<see cref="ModeChoice"/>).
    /// </summary>
    private static DeliveryRequest WithModeFromEnvironment(DeliveryRequest request, Func<string, string?> environment) =>
        request.Mode is null && environment("PIPELINE_RELEASE_MODE") is { Length: > 0 } mode
            ? request with { Mode = DeliveryOptions.ParseMode(mode, "PIPELINE_RELEASE_MODE"), ModeSource = "PIPELINE_RELEASE_MODE" }
            : request;

    /// <summary>
    /// Picks the CI host (<c>--host</c>, else detected), opens the run's channel to it, and registers every
    /// secret with the host's own masking, those known already and those registered later in the run.
    /// </summary>
    private static HostChannel ConnectHost(RunOptions options, HostEnvironment environment, PipelineConsole console, SecretMasker secrets)
    {
        var host = options.Host is { } name
            ? HostDetector.Find(name) ?? throw new UsageException($"Unknown host '{name}'. Known hosts: {string.Join(", ", HostDetector.Names)}.")
            : HostDetector.Detect(environment);
        var channel = new HostChannel(host, environment, secrets, line => Console.Out.WriteLine(line), console.WriteRaw);
        foreach (var secret in secrets.Values)
        {
            channel.Apply(host.RegisterSecret(secret));
        }

        secrets.Registered += secret => channel.Apply(host.RegisterSecret(secret));
        return channel;
    }

    /// <summary>The absolute path for a file option (<c>--summary-json</c>, <c>--trace</c>, <c>--html</c>), checked before anything runs.</summary>
    private static string WritablePath(string option, string path, Build build)
    {
        var full = Path.GetFullPath(path, build.InvocationDirectory);
        if (Directory.Exists(full))
        {
            throw new UsageException($"{option} expects a file path, but '{path}' is a folder.");
        }

        // Found now rather than after the targets ran: a build that succeeded must not end as a failure for it.
        var folder = Path.GetDirectoryName(full)!;
        try
        {
            Directory.CreateDirectory(folder);
            using var probe = new FileStream(Path.Combine(folder, $".pipeline-probe.{Environment.ProcessId}.tmp"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} cannot write '{path}': {exception.Message}");
        }

        return full;
    }

    /// <summary>Where <c>--html</c> writes its page: the file it names, else <paramref name="defaultName"/> under artifacts/; null without <c>--html</c>.</summary>
    private static string? HtmlPagePath(RunOptions options, string defaultName, Build build) => options.Html switch
    {
        null => null,
        "" => WritablePath("--html", Path.Combine(build.Root, "artifacts", defaultName), build),
        var file => WritablePath("--html", file, build),
    };

    private static async Task<int> ExecuteAsync(RunContext run, ExecutionPlan plan, RunOptions options, IReadOnlyDictionary<Target, string> satisfied, Func<IBuildCache?> cache)
    {
        DescendantProcesses.AdoptOrphans();
        using var signals = new InterruptSignals();
        var console = run.Console!;
        console.LabelLines = options.Parallelism > 1;
        var channel = run.Channel;
        var groups = options.Parallelism == 1 && channel.Host.Supports(HostCapability.Groups) == CapabilitySupport.Runtime;
        var reporter = new ConsoleRunReporter(console.Ansi, run.Secrets, channel, groups);
        var executorOptions = new ExecutorOptions(options.Parallelism, options.KeepGoing, satisfied)
        {
            SettleSkipped = new PartitionFanIn(run).Settle,
            Incremental = new IncrementalTargets(run, cache, options.Force),
        };
        using var live = LiveProgress.For(console, channel, options.NoLive, reporter, run.Time);
        var executor = new Executor(plan, executorOptions, new ResultRecordingObserver(live ?? (IRunObserver)reporter, run.Delivery!.Finished), run);
        live?.Start();
        var result = PartitionSlices.Mark(await executor.RunAsync(signals.Token, signals.Forced).ConfigureAwait(false), plan, run.Partition);

        // Gone before the summary prints, so the final screen holds the whole of it.
        live?.Stop();
        if (result.Cancelled)
        {
            // A command's own tree kill misses the processes whose parent had already died (of the same group
            // signal, say); the runner adopted them, so they are found and killed here.
            DescendantProcesses.KillAll();
        }

        console.LabelLines = false;
        console.Flush();

        SummaryPrinter.Print(console.Ansi, result, run.Secrets);
        PublishRunRecord(run, result);
        var exitCode = result.ExitCode;
        if (!PartitionSlices.TryWrite(run, result))
        {
            exitCode = exitCode == ExitCodes.Success ? ExitCodes.ReportNotWritten : exitCode;
        }

        if (options.SummaryJsonPath is { } path && !TryWrite(path, "the summary", () => JsonReports.Summary(result, run.ClosingLines, run.Secrets)))
        {
            exitCode = exitCode == ExitCodes.Success ? ExitCodes.ReportNotWritten : exitCode;
        }

        if (options.TracePath is { } tracePath && !TryWrite(tracePath, "the trace", () => run.Secrets.Apply(TraceFile.Render(result, run.Timeline.Processes, run.Root.Name, run.Secrets))))
        {
            exitCode = exitCode == ExitCodes.Success ? ExitCodes.ReportNotWritten : exitCode;
        }

        foreach (var line in run.ClosingLines)
        {
            Console.Out.WriteLine(line);
        }

        return exitCode;
    }

    /// <summary>A file the command line asked for (<c>--summary-json</c>, <c>--trace</c>); false, said on standard error, when it cannot be written.</summary>
    private static bool TryWrite(string path, string what, Func<string> content)
    {
        try
        {
            AtomicFile.WriteAllText(path, content());
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: could not write {what} to {path}: {exception.Message}");
            return false;
        }
    }

    /// <summary>
    /// <c>artifacts/summary.md</c>, <c>artifacts/report.html</c> and <c>artifacts/outputs.env</c> on every host, and the host's own job
    /// summary where it has one. Failing to write them is a warning, not a failed build.
    /// </summary>
    private static void PublishRunRecord(RunContext run, RunResult result)
    {
        var artifacts = Path.Combine(run.Root, "artifacts");
        var channel = run.Channel;
        try
        {
            var markdown = SummaryMarkdown.Render(result, run.ClosingLines, run.Secrets, run.Delivery?.Report.Decisions, ReportLink.Of(channel.Host, run.Identity, channel.Environment));
            var summaryFile = Path.Combine(artifacts, "summary.md");
            AtomicFile.WriteAllText(summaryFile, markdown, durable: false);
            // The renderer masks each text before escaping it; the whole page is masked again as a backstop for any text it missed.
            AtomicFile.WriteAllText(Path.Combine(artifacts, ReportFiles.RunReport), run.Secrets.Apply(RunReport.Render(run, result)), durable: false);
            ReleaseHistoryPages.Write(run, artifacts);
            AtomicFile.WriteAllText(Path.Combine(artifacts, "outputs.env"), run.Secrets.Apply(string.Concat(run.Outputs.Select(DotEnv.Line))), durable: false);
            channel.Apply(channel.Host.PublishSummary(markdown, summaryFile, channel.Environment));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"warning: could not write the run's summary into {artifacts}: {exception.Message}");
        }
    }
}
