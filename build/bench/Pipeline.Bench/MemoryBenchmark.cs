namespace Pipeline.Bench;

/// <summary>
/// Peak RSS of the probed runs, in KiB, and the probe's own floor: the figure of a command that does nothing
/// (<c>true</c>). A child starts as a copy of its parent (fork), and Linux counts that copy's resident pages
/// in the child's peak, so no probed figure is below the probe's resident size at fork. A figure above the
/// baseline is the process's own; one at the baseline says only "at most this".
/// </summary>
internal sealed record PeakMemory(IReadOnlyList<long> FloorKiB, IReadOnlyList<long> SubjectKiB, IReadOnlyList<long> BaselineKiB)
{
    public double FloorMedianMiB => MedianMiB(FloorKiB);

    public double SubjectMedianMiB => MedianMiB(SubjectKiB);

    public double BaselineMiB => MedianMiB(BaselineKiB);

    /// <summary>Whether a figure is the process's own: clearly above the probe's baseline (by more than 1 MiB).</summary>
    public bool IsOwn(double mib) => mib > BaselineMiB + 1;

    private static double MedianMiB(IEnumerable<long> kib) => Statistics.Median(kib.Select(k => k / 1024.0));
}

/// <summary>
/// Peak memory of a warm no-op run and of the floor: each run is started by a probe process of its own
/// (this harness again, <c>--probe-rss</c>), which reports the max RSS of its one child through getrusage.
/// build.sh <c>exec</c>s the runner, so the figure is the runner process's.
/// </summary>
internal sealed class MemoryBenchmark(Scratch scratch, HelloFloor floor, TemplateRepository repository, BenchOptions options)
{
    private static string HarnessAssembly => Path.Combine(AppContext.BaseDirectory, "Pipeline.Bench.dll");

    public async Task<PeakMemory> MeasureAsync()
    {
        var floorPeaks = new List<long>();
        var subjectPeaks = new List<long>();
        for (var round = 0; round < options.MemoryRuns; round++)
        {
            var floorFirst = round % 2 == 0;
            foreach (var isFloor in new[] { floorFirst, !floorFirst })
            {
                var peak = isFloor
                    ? await ProbeAsync(floor.Command, floor.Folder)
                    : await ProbeAsync(repository.NoopCommand, repository.Root);
                (isFloor ? floorPeaks : subjectPeaks).Add(peak);
            }
        }

        var baseline = new List<long>();
        for (var run = 0; run < 3; run++)
        {
            baseline.Add(await ProbeAsync(("true", []), scratch.Root));
        }

        return new PeakMemory(floorPeaks, subjectPeaks, baseline);
    }

    private async Task<long> ProbeAsync((string Program, string[] Arguments) command, string workingDirectory)
    {
        string[] arguments = [HarnessAssembly, RssProbe.Option, "--", command.Program, .. command.Arguments];
        var result = await BenchProcess.RunAsync(DotNetHost.Path, arguments, workingDirectory, scratch.Environment(), HangGuard.Default);
        return RssProbe.ParseResult(result.StandardOutput) is (0, var peak) && result.ExitCode == 0
            ? peak
            : throw new MeasurementException($"The probed run of '{BenchProcess.Describe(command.Program, command.Arguments)}' failed: {result.Describe()}");
    }
}
