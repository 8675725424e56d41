namespace Pipeline.Bench;

/// <summary>
/// A developer's inner loop, <c>./build.sh Test</c> on the <see cref="SampleSolution"/>, three ways: full (nothing
/// recorded, no build cache: every target runs), with no change since the last run (Compile and Test should be up
/// to date), and after one byte of a library source changed. No-change runs are measured in rounds with a warm
/// <c>./build.sh Noop</c> and a floor run, the order rotating, so their ratio to the warm start is of the same moments.
/// </summary>
internal sealed class TestLoopBenchmarks(Scratch scratch, HelloFloor floor, TemplateRepository repository, BenchOptions options)
{
    private static readonly string[] Targets = ["Compile", "Test"];

    /// <summary>The first Test run: restores the sample's packages and builds it, so the runs measured after it are not the first.</summary>
    public async Task WarmUpAsync() => await TestAsync(BuildCache.Off, "The first ./build.sh Test");

    /// <summary>Runs with the recorded state deleted and the build cache off before each: every target runs, as before incremental targets.</summary>
    public Task<PairedRuns> FullAsync() =>
        PairedRuns.MeasureAsync(options.TestRuns, _ => FloorAsync(), async _ =>
        {
            repository.ForgetRecordedState();
            var result = await TestAsync(BuildCache.Off, "A full ./build.sh Test");
            return Targets.All(t => RunSummary.Ran(result, t))
                ? result.Elapsed
                : throw new MeasurementException(
                    $"A full ./build.sh Test, with its state deleted and the build cache off, did not run every target ({RunSummary.Describe(result, Targets)}): it was not full.");
        });

    /// <summary>Runs with nothing changed since the last one, each in a round with a warm no-op run and a floor run.</summary>
    public async Task<NoChangeRuns> NoChangeAsync()
    {
        for (var i = 0; i < options.WarmUps; i++)
        {
            await TestAsync(BuildCache.Scratch, "A no-change ./build.sh Test (warm-up)");
        }

        var floorTimes = new List<TimeSpan>();
        var noopTimes = new List<TimeSpan>();
        var testTimes = new List<TimeSpan>();
        var outcomes = new SortedSet<string>(StringComparer.Ordinal);
        for (var round = 0; round < options.WarmRuns; round++)
        {
            // Rotating who goes first, so no kind of run always follows the same other.
            for (var turn = 0; turn < 3; turn++)
            {
                switch ((round + turn) % 3)
                {
                    case 0:
                        floorTimes.Add(await FloorAsync());
                        break;
                    case 1:
                        noopTimes.Add(await NoopAsync());
                        break;
                    default:
                        var result = await TestAsync(BuildCache.Scratch, "A no-change ./build.sh Test");
                        outcomes.Add(RunSummary.Describe(result, Targets));
                        testTimes.Add(result.Elapsed);
                        break;
                }
            }
        }

        return new NoChangeRuns(floorTimes, noopTimes, testTimes, [.. outcomes]);
    }

    /// <summary>Runs each after changing one byte of a library source (a new one each time), the build cache off.</summary>
    public Task<PairedRuns> EditedAsync() =>
        PairedRuns.MeasureAsync(options.TestRuns, _ => FloorAsync(), async round =>
        {
            SampleSolution.EditOneByte(repository.Root, round + 1);
            var result = await TestAsync(BuildCache.Off, "A ./build.sh Test after an edit");
            return Targets.All(t => RunSummary.Ran(result, t))
                ? result.Elapsed
                : throw new MeasurementException(
                    $"A ./build.sh Test after a change to {SampleSolution.EditedSource} did not run Compile and Test again ({RunSummary.Describe(result, Targets)}).");
        });

    private async Task<ChildProcessResult> TestAsync(BuildCache cache, string what)
    {
        var environment = scratch.Environment();
        environment["PIPELINE_BUILD_CACHE"] = cache == BuildCache.Off ? "off" : Path.Combine(scratch.Root, "build-cache");
        var result = await BenchProcess.RunAsync(repository.BuildSh, ["Test"], repository.Root, environment, HangGuard.ColdBuild);
        return result.ExitCode == 0 && RunSummary.LastLine(result) == SampleSolution.ClosingLine
            ? result
            : throw new MeasurementException($"{what} did not succeed with '{SampleSolution.ClosingLine}' as its last line: {result.Describe()}");
    }

    private async Task<TimeSpan> NoopAsync()
    {
        var (program, arguments) = repository.NoopCommand;
        var result = await BenchProcess.RunAsync(program, arguments, repository.Root, scratch.Environment(), HangGuard.Default);
        TemplateRepository.CheckNoop(result, "A no-op run beside the no-change runs");
        return result.Elapsed;
    }

    private async Task<TimeSpan> FloorAsync()
    {
        var (program, arguments) = floor.Command;
        var result = await BenchProcess.RunAsync(program, arguments, floor.Folder, scratch.Environment(), HangGuard.Default);
        return result.ExitCode == 0 ? result.Elapsed : throw new MeasurementException($"A floor run failed: {result.Describe()}");
    }

    /// <summary>Where a Test run's build cache is: off (nothing restored, so what is measured is what runs), or a folder in the scratch folder.</summary>
    private enum BuildCache
    {
        Off,
        Scratch,
    }
}

/// <summary>No-change ./build.sh Test runs, and the warm no-op and floor runs of the same rounds.</summary>
internal sealed record NoChangeRuns(IReadOnlyList<TimeSpan> Floor, IReadOnlyList<TimeSpan> Noop, IReadOnlyList<TimeSpan> Test, IReadOnlyList<string> Outcomes)
{
    public double TestMedianMs => Statistics.Median(Test);

    public double NoopMedianMs => Statistics.Median(Noop);

    /// <summary>The median of the rounds' own ratios of the Test run to the no-op run: what the target is about.</summary>
    public double VersusNoop => Statistics.Median(Test.Zip(Noop, (test, noop) => test.TotalMilliseconds / noop.TotalMilliseconds));

    public double VersusFloor => Statistics.Median(Test.Zip(Floor, (test, floor) => test.TotalMilliseconds / floor.TotalMilliseconds));

    /// <summary>The spread, for the log.</summary>
    public string Spread() => $"floor {Range(Floor)}; no-op {Range(Noop)}; no-change Test {Range(Test)}";

    private static string Range(IReadOnlyList<TimeSpan> times) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"min {times.Min().TotalMilliseconds:0} ms, median {Statistics.Median(times):0} ms, max {times.Max().TotalMilliseconds:0} ms");
}
