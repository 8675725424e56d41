namespace Pipeline.Bench;

/// <summary>The targets, and the table row of each measurement: the figure, its ratio to the floor, the verdict, how it was made.</summary>
internal static class ReportRows
{
    public const string StartupTarget = "<= 1.5x floor";
    public const string ColdTarget = "<= 2 s";
    public const string MemoryTarget = "< 60 MiB";
    public const string PlanTarget = "< 100 ms";
    public const string NoChangeTarget = "<= 1.5x warm Noop";
    public const string ResidentTarget = "<= 1.0x floor";

    private const double StartupRatioLimit = 1.5;
    private const double ColdLimitMs = 2000;
    private const double MemoryLimitMiB = 60;
    private const double PlanLimitMs = 100;
    private const double NoChangeRatioLimit = 1.5;
    private const double ResidentRatioLimit = 1.0;

    public static Row Plan(PlanTiming timing, BenchOptions options) => new(
        $"Plan, {timing.Shape.Name}: Planner.Plan in process",
        ResultTable.Milliseconds(timing.MedianMs),
        string.Empty,
        PlanTarget,
        Row.Verdict(timing.MedianMs < PlanLimitMs),
        $"{timing.Shape.Description}; median of {timing.Runs} after {options.WarmUps} warm-ups; first call {ResultTable.Milliseconds(timing.FirstCallMs)}");

    public static Row Floor(IReadOnlyList<TimeSpan> times, bool interleaved, BenchOptions options) => new(
        "Floor: dotnet hello.dll (.NET hello world, Release)",
        ResultTable.Milliseconds(Statistics.Median(times)),
        "1.00x",
        string.Empty,
        string.Empty,
        interleaved
            ? $"{times.Count} runs after {options.WarmUps} warm-ups, interleaved with the no-op, resident-runner, cold, edit and Test runs below"
            : $"{times.Count} runs after {options.WarmUps} warm-ups");

    public static Row FloorMemory(PeakMemory peaks, BenchOptions options) => new(
        "Floor peak memory: dotnet hello.dll",
        PeakFigure(peaks, peaks.FloorMedianMiB),
        "1.00x",
        string.Empty,
        string.Empty,
        $"{options.MemoryRuns} probed runs; the probe's own floor (a probed 'true') is {ResultTable.MiB(peaks.BaselineMiB)}: " +
        "a child's peak includes its prober's pages copied at fork, so only figures above that are the processes' own");

    public static Row Warm(PairedRuns warm, PackageSet packages, BenchOptions options) => new(
        "Warm no-op: ./build.sh Noop",
        ResultTable.Milliseconds(warm.SubjectMedianMs),
        ResultTable.Ratio(warm.Ratio),
        StartupTarget,
        Row.Verdict(warm.Ratio <= StartupRatioLimit),
        $"{warm.Subject.Count} runs after {options.WarmUps} warm-ups, each paired with a floor run (vs floor: median of the pairs' ratios); " +
        $"script cache hit; in process (PIPELINE_RUNNER=off); {packages.RunnerPackageId.ToLowerInvariant()} {packages.Version} from dotnet new pipeline");

    public static Row ResidentWarm(string measurement, PairedRuns warm, BenchOptions options) => new(
        measurement,
        ResultTable.Milliseconds(warm.SubjectMedianMs),
        ResultTable.Ratio(warm.Ratio),
        ResidentTarget,
        Row.Verdict(warm.Ratio <= ResidentRatioLimit),
        $"{warm.Subject.Count} runs after a first run and {options.WarmUps} warm-ups, each paired with a floor run; PIPELINE_RUNNER=on, " +
        "the native client build.sh execs talking to the runner it started (a folder of its own: PIPELINE_RUNNER_DIR); script cache hit");

    public static Row ResidentFirst(PairedRuns first) => new(
        "First run through the client: ./build.sh Noop, starting the runner",
        ResultTable.Milliseconds(first.SubjectMedianMs),
        ResultTable.Ratio(first.Ratio),
        string.Empty,
        string.Empty,
        $"{first.Subject.Count} runs, each with a new PIPELINE_RUNNER_DIR (no runner): the client starts one, waits for its socket, then the run; " +
        "script cache hit; the runner stopped (--stop-runner) after each; each paired with a floor run");

    public static Row Memory(PeakMemory peaks, BenchOptions options) => new(
        "Peak memory, warm no-op (max RSS of the runner)",
        PeakFigure(peaks, peaks.SubjectMedianMiB),
        (peaks.IsOwn(peaks.FloorMedianMiB) ? string.Empty : ">= ") + ResultTable.Ratio(peaks.SubjectMedianMiB / peaks.FloorMedianMiB),
        MemoryTarget,
        Row.Verdict(peaks.SubjectMedianMiB < MemoryLimitMiB),
        $"{options.MemoryRuns} runs, each the only child of a probe process (getrusage RUSAGE_CHILDREN, ru_maxrss), interleaved with the floor's");

    public static Row Cold(PairedRuns cold) => new(
        "Cold first run: ./build.sh Noop, empty script cache",
        ResultTable.Seconds(cold.SubjectMedianMs),
        ResultTable.Ratio(cold.Ratio),
        ColdTarget,
        Row.Verdict(cold.SubjectMedianMs <= ColdLimitMs),
        $"{cold.Subject.Count} runs, PIPELINE_CACHE a new empty folder each (the script is compiled), each paired with a floor run");

    public static Row Edited(PairedRuns edited) => new(
        "After an edit: ./build.sh Noop, script changed",
        ResultTable.Seconds(edited.SubjectMedianMs),
        ResultTable.Ratio(edited.Ratio),
        ColdTarget,
        Row.Verdict(edited.SubjectMedianMs <= ColdLimitMs),
        $"{edited.Subject.Count} runs, each after appending '// bench edit N' to build/build.csx (the script is compiled again), each paired with a floor run");

    public static Row FullTest(PairedRuns full, BenchOptions options) => new(
        "Test, full: ./build.sh Test, nothing recorded",
        ResultTable.Seconds(full.SubjectMedianMs),
        ResultTable.Ratio(full.Ratio),
        string.Empty,
        string.Empty,
        $"{full.Subject.Count} runs of the sample (1 library of {options.SampleFiles + 1} sources, 1 xUnit project of {SampleSolution.TestCount} tests), each after deleting .pipeline/state, " +
        "PIPELINE_BUILD_CACHE=off: Compile and Test run (dotnet build finds its own outputs current), as every run did before incremental targets; each paired with a floor run");

    public static Row NoChangeTest(NoChangeRuns runs, BenchOptions options) => new(
        "Test, no change: ./build.sh Test again",
        runs.TestMedianMs < 1000 ? ResultTable.Milliseconds(runs.TestMedianMs) : ResultTable.Seconds(runs.TestMedianMs),
        ResultTable.Ratio(runs.VersusFloor),
        NoChangeTarget,
        Row.Verdict(runs.VersusNoop <= NoChangeRatioLimit),
        $"{ResultTable.Ratio(runs.VersusNoop)} the warm ./build.sh Noop of the same rounds ({ResultTable.Milliseconds(runs.NoopMedianMs)}; median of the rounds' ratios); " +
        $"{runs.Test.Count} rounds of a floor, a no-op and a Test run, the order rotating, after {options.WarmUps} warm-ups; " +
        $"outcomes seen: {string.Join("; ", runs.Outcomes)}");

    public static Row EditedTest(PairedRuns edited) => new(
        "Test, after one edit: ./build.sh Test, 1 byte of the library changed",
        ResultTable.Seconds(edited.SubjectMedianMs),
        ResultTable.Ratio(edited.Ratio),
        string.Empty,
        string.Empty,
        $"{edited.Subject.Count} runs, each after changing one digit in {SampleSolution.EditedSource} (a new value each time), PIPELINE_BUILD_CACHE=off: " +
        "Compile and Test run again; each paired with a floor run");

    /// <summary>A peak that is the process's own, or "&lt;=" the probe's floor when it did not rise above it.</summary>
    private static string PeakFigure(PeakMemory peaks, double mib) =>
        peaks.IsOwn(mib) ? ResultTable.MiB(mib) : $"<= {ResultTable.MiB(Math.Max(mib, peaks.BaselineMiB))}";
}
