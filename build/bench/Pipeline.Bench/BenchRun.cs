using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Bench;

/// <summary>
/// One benchmark run, end to end: the machine, planning in process, the floor app, the sample repository
/// from fresh packages, then start-up, memory and the ./build.sh Test loop measured against the floor, all into one table.
/// A measurement that cannot be made is shown as NOT MEASURED, its reason on stderr, and the exit code is 1.
/// </summary>
internal static class BenchRun
{
    private static readonly Stopwatch Clock = new();

    public static async Task<int> RunAsync(BenchOptions options)
    {
        Clock.Start();
        var failures = 0;
        using var scratch = new Scratch(options.Keep);
        var date = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var machine = await MachineInfo.DescribeAsync(scratch);

        // 1. Planning, in this process, before any child process competes for the processors.
        var planRows = new List<Row>();
        foreach (var shape in new Func<GraphShape>[] { GraphShapes.Chain, GraphShapes.Fan, GraphShapes.Diamonds, () => GraphShapes.LayeredDiamond() })
        {
            planRows.Add(await MeasureAsync("Plan", ReportRows.PlanTarget, null, () => failures++, () =>
            {
                var built = shape();
                Progress($"planning the {built.Name} graph ({built.Description})");
                return Task.FromResult(ReportRows.Plan(PlanningBenchmarks.Measure(built, options.WarmUps, options.PlanRuns), options));
            }));
        }

        // 2. The floor app, and the repository made by the template from fresh packages.
        HelloFloor? floor = null;
        TemplateRepository? repository = null;
        Exception? setupFailure = null;
        try
        {
            Progress("building the floor app (dotnet hello.dll)");
            floor = await HelloFloor.BuildAsync(scratch);
            var packages = await PackagesAsync(scratch, options);
            var solution = await SampleSolution.LoadAsync(RepositoryRoot());
            Progress($"setting up the sample repository: a library and its tests, dotnet new pipeline from Pipeline.Templates {packages.Version} ({packages.Folder})");
            repository = await TemplateRepository.CreateAsync(scratch, packages, solution, options.SampleFiles);
        }
        catch (Exception exception)
        {
            setupFailure = exception;
            failures++;
            Progress($"setup failed: {exception.Message}");
        }

        // 3. Start-up and memory, each subject run paired with a floor run.
        var startup = floor is not null && repository is not null ? new StartupBenchmarks(scratch, floor, repository, options) : null;
        var memory = floor is not null && repository is not null ? new MemoryBenchmark(scratch, floor, repository, options) : null;
        var testLoop = floor is not null && repository is not null ? new TestLoopBenchmarks(scratch, floor, repository, options) : null;
        await using var resident = floor is not null && repository is not null ? new ResidentRunnerBenchmarks(scratch, floor, repository, options) : null;
        var floorTimes = new List<TimeSpan>();
        PeakMemory? peaks = null;
        var processRows = new List<Row>
        {
            await MeasureAsync("Warm no-op: ./build.sh Noop", ReportRows.StartupTarget, setupFailure, () => failures++, async () =>
            {
                Progress($"warm runs: {options.WarmUps} warm-ups, then {options.WarmRuns} pairs of floor and no-op runs");
                var warm = await startup!.WarmAsync();
                Progress($"warm runs: {warm.Spread()}");
                floorTimes.AddRange(warm.Floor);
                return ReportRows.Warm(warm, repository!.Packages, options);
            }),
            await MeasureAsync("Peak memory, warm no-op", ReportRows.MemoryTarget, setupFailure, () => failures++, async () =>
            {
                Progress($"peak memory: {options.MemoryRuns} probed runs each of the floor and the no-op build");
                peaks = await memory!.MeasureAsync();
                return ReportRows.Memory(peaks, options);
            }),
            await MeasureAsync("Cold first run, empty script cache", ReportRows.ColdTarget, setupFailure, () => failures++, async () =>
            {
                Progress($"cold runs: {options.ColdRuns} pairs, a new empty PIPELINE_CACHE for each no-op run");
                var cold = await startup!.ColdAsync();
                Progress($"cold runs: {cold.Spread()}");
                floorTimes.AddRange(cold.Floor);
                return ReportRows.Cold(cold);
            }),
            await MeasureAsync("After an edit of the script", ReportRows.ColdTarget, setupFailure, () => failures++, async () =>
            {
                Progress($"runs after an edit: {options.ColdRuns} pairs, a comment line appended to build.csx before each no-op run");
                var edited = await startup!.EditedAsync();
                Progress($"runs after an edit: {edited.Spread()}");
                floorTimes.AddRange(edited.Floor);
                return ReportRows.Edited(edited);
            }),
        };
        processRows.AddRange(await ResidentRowsAsync(resident, setupFailure, floorTimes, () => failures++, options));
        processRows.AddRange(await TestLoopRowsAsync(testLoop, setupFailure, floorTimes, () => failures++, options));

        // The floor rows come first: every ratio is against them. Without the repository, the floor is measured alone.
        var floorRow = await MeasureAsync("Floor: dotnet hello.dll", string.Empty, floor is null ? setupFailure : null, () => failures++, async () =>
        {
            if (floorTimes.Count == 0)
            {
                Progress($"the floor alone: {options.WarmUps} warm-ups, then {options.WarmRuns} runs");
                floorTimes.AddRange(await StartupBenchmarks.FloorAloneAsync(scratch, floor!, options));
            }

            return ReportRows.Floor(floorTimes, interleaved: repository is not null, options);
        });

        List<Row> rows = [Row.Info("Date", date), Row.Info("Machine", machine), floorRow];
        if (peaks is not null)
        {
            rows.Add(ReportRows.FloorMemory(peaks, options));
        }

        rows.AddRange(processRows);
        rows.AddRange(planRows);
        await ReportAsync(ResultTable.Render(rows), options, failures);
        return failures > 0 ? 1 : 0;
    }

    /// <summary>
    /// Through the native client and the resident runner: warm no-op and --help runs served by a runner that is up, and
    /// first runs that have to start one.
    /// </summary>
    private static async Task<IReadOnlyList<Row>> ResidentRowsAsync(
        ResidentRunnerBenchmarks? resident, Exception? setupFailure, List<TimeSpan> floorTimes, Action countFailure, BenchOptions options)
    {
        const string Noop = "Warm no-op through the resident runner: ./build.sh Noop";
        const string Help = "Warm --help through the resident runner: ./build.sh --help";
        return
        [
            await MeasureAsync(Noop, ReportRows.ResidentTarget, setupFailure, countFailure, async () =>
            {
                Progress($"warm runs through the resident runner: a first run, {options.WarmUps} warm-ups, then {options.WarmRuns} pairs of floor and no-op runs");
                var warm = await resident!.WarmNoopAsync();
                Progress($"warm runs through the resident runner: {warm.Spread()}");
                floorTimes.AddRange(warm.Floor);
                return ReportRows.ResidentWarm(Noop, warm, options);
            }),
            await MeasureAsync(Help, ReportRows.ResidentTarget, setupFailure, countFailure, async () =>
            {
                Progress($"--help through the resident runner: {options.WarmUps} warm-ups, then {options.WarmRuns} pairs of floor and --help runs");
                var help = await resident!.WarmHelpAsync();
                Progress($"--help through the resident runner: {help.Spread()}");
                floorTimes.AddRange(help.Floor);
                return ReportRows.ResidentWarm(Help, help, options);
            }),
            await MeasureAsync("First run through the client, starting the runner", string.Empty, setupFailure, countFailure, async () =>
            {
                Progress($"first runs through the client: {options.ColdRuns} pairs, each no-op run starting a resident runner of its own");
                var first = await resident!.FirstRunAsync();
                Progress($"first runs through the client: {first.Spread()}");
                floorTimes.AddRange(first.Floor);
                return ReportRows.ResidentFirst(first);
            }),
        ];
    }

    /// <summary>
    /// The ./build.sh Test loop: full, with no change, after one edit. A first Test run (the sample's restore and build)
    /// comes before them; when it fails, none of the three can be measured.
    /// </summary>
    private static async Task<IReadOnlyList<Row>> TestLoopRowsAsync(
        TestLoopBenchmarks? testLoop, Exception? setupFailure, List<TimeSpan> floorTimes, Action countFailure, BenchOptions options)
    {
        Exception? warmUpFailure = setupFailure;
        if (warmUpFailure is null)
        {
            try
            {
                Progress("the first ./build.sh Test of the sample: restore and build");
                await testLoop!.WarmUpAsync();
            }
            catch (Exception exception)
            {
                warmUpFailure = exception;
                countFailure();
                Progress($"the first ./build.sh Test failed: {exception.Message}");
            }
        }

        return
        [
            await MeasureAsync("Test, full", string.Empty, warmUpFailure, countFailure, async () =>
            {
                Progress($"full Test runs: {options.TestRuns} pairs, .pipeline/state deleted and the build cache off before each Test run");
                var full = await testLoop!.FullAsync();
                Progress($"full Test runs: {full.Spread()}");
                floorTimes.AddRange(full.Floor);
                return ReportRows.FullTest(full, options);
            }),
            await MeasureAsync("Test, no change", ReportRows.NoChangeTarget, warmUpFailure, countFailure, async () =>
            {
                Progress($"no-change Test runs: {options.WarmUps} warm-ups, then {options.WarmRuns} rounds of a floor, a no-op and a Test run");
                var noChange = await testLoop!.NoChangeAsync();
                Progress($"no-change Test runs: {noChange.Spread()}; {string.Join("; ", noChange.Outcomes)}");
                floorTimes.AddRange(noChange.Floor);
                return ReportRows.NoChangeTest(noChange, options);
            }),
            await MeasureAsync("Test, after one edit", string.Empty, warmUpFailure, countFailure, async () =>
            {
                Progress($"Test runs after an edit: {options.TestRuns} pairs, one byte of {SampleSolution.EditedSource} changed before each Test run");
                var edited = await testLoop!.EditedAsync();
                Progress($"Test runs after an edit: {edited.Spread()}");
                floorTimes.AddRange(edited.Floor);
                return ReportRows.EditedTest(edited);
            }),
        ];
    }

    /// <summary>The packages given with --packages, or the runner tool and template packed afresh from the working tree.</summary>
    private static async Task<PackageSet> PackagesAsync(Scratch scratch, BenchOptions options)
    {
        if (options.PackagesFolder is { } folder)
        {
            return PackageSet.Find(folder);
        }

        Progress("packing Pipeline.Tool and Pipeline.Templates from the working tree, with a version of their own");
        var root = RepositoryRoot();
        return await PackageSet.PackAsync(scratch, root, Path.Combine(root, "artifacts", "bench", "pack"));
    }

    /// <summary>Runs one measurement; any failure becomes a NOT MEASURED row (and a failure count), never a crash.</summary>
    private static async Task<Row> MeasureAsync(string measurement, string target, Exception? setupFailure, Action countFailure, Func<Task<Row>> measure)
    {
        if (setupFailure is not null)
        {
            return Row.Failed(measurement, target, setupFailure);
        }

        try
        {
            return await measure();
        }
        catch (Exception exception)
        {
            countFailure();
            Progress($"{measurement} could not be measured: {exception.Message}");
            return Row.Failed(measurement, target, exception);
        }
    }

    private static async Task ReportAsync(string table, BenchOptions options, int failures)
    {
        if (options.TableFile is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, table);
            Progress($"table written to {file}");
        }

        Progress(string.Create(
            CultureInfo.InvariantCulture,
            $"done in {Clock.Elapsed.TotalSeconds:0} s{(failures > 0 ? $"; {failures} measurement(s) could not be made (see above)" : string.Empty)}"));
        await Console.Error.FlushAsync();

        // The table last, on standard output, so no progress line lands inside it.
        await Console.Out.WriteLineAsync();
        await Console.Out.WriteAsync(table);
        await Console.Out.FlushAsync();
    }

    private static void Progress(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench [{Clock.Elapsed.TotalSeconds,4:0} s]: {message}"));

    /// <summary>The repository to pack: the current folder or a parent (else a parent of this harness's output) with Pipeline.sln and build/build.csx.</summary>
    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Pipeline.sln")) && File.Exists(Path.Combine(directory.FullName, "build", "build.csx")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new MeasurementException("Could not find the repository root (with Pipeline.sln); pass --packages DIR.");
    }
}
