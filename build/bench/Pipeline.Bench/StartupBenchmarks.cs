namespace Pipeline.Bench;

/// <summary>
/// Whole-process start-up of the no-op build against the floor, in three states of the script cache:
/// warm (a hit), cold (an empty cache folder per run), and just edited (a comment appended before each run).
/// Each subject run is paired with a floor run; only the process's own run time is on the stopwatch.
/// </summary>
internal sealed class StartupBenchmarks(Scratch scratch, HelloFloor floor, TemplateRepository repository, BenchOptions options)
{
    /// <summary>Warm no-op runs after warm-ups: the runner is restored and the script cached.</summary>
    public async Task<PairedRuns> WarmAsync()
    {
        await PairedRuns.MeasureAsync(options.WarmUps, _ => FloorAsync(), _ => NoopAsync(scratch.WarmCache));
        return await PairedRuns.MeasureAsync(options.WarmRuns, _ => FloorAsync(), _ => NoopAsync(scratch.WarmCache));
    }

    /// <summary>First runs after clearing the cache: PIPELINE_CACHE is a new, empty folder for every run.</summary>
    public Task<PairedRuns> ColdAsync() =>
        PairedRuns.MeasureAsync(options.ColdRuns, _ => FloorAsync(), async round =>
        {
            var cache = Path.Combine(scratch.Root, $"pipeline-cache-cold-{round}");
            var elapsed = await NoopAsync(cache);
            return ScriptCacheFolder.CompiledAssemblies(cache).Count > 0
                ? elapsed
                : throw new MeasurementException($"A cold run left no compiled script in {cache}: it did not compile, so it was not cold.");
        });

    /// <summary>Runs right after an edit of the script (a comment line with a counter appended), with the warm cache.</summary>
    public Task<PairedRuns> EditedAsync() =>
        PairedRuns.MeasureAsync(options.ColdRuns, _ => FloorAsync(), async round =>
        {
            var before = ScriptCacheFolder.CompiledAssemblies(scratch.WarmCache);
            repository.AppendEdit(round + 1);
            var elapsed = await NoopAsync(scratch.WarmCache);
            return ScriptCacheFolder.CompiledAssemblies(scratch.WarmCache).SequenceEqual(before)
                ? throw new MeasurementException("A run after an edit of the script did not compile it again.")
                : elapsed;
        });

    /// <summary>The floor alone, after warm-ups: when the no-op repository could not be made, the floor is still reported.</summary>
    public static async Task<IReadOnlyList<TimeSpan>> FloorAloneAsync(Scratch scratch, HelloFloor floor, BenchOptions options)
    {
        for (var i = 0; i < options.WarmUps; i++)
        {
            await FloorAsync(scratch, floor);
        }

        var times = new List<TimeSpan>();
        for (var i = 0; i < options.WarmRuns; i++)
        {
            times.Add(await FloorAsync(scratch, floor));
        }

        return times;
    }

    private static async Task<TimeSpan> FloorAsync(Scratch scratch, HelloFloor floor)
    {
        var (program, arguments) = floor.Command;
        var result = await BenchProcess.RunAsync(program, arguments, floor.Folder, scratch.Environment(), HangGuard.Default);
        return result.ExitCode == 0 ? result.Elapsed : throw new MeasurementException($"A floor run failed: {result.Describe()}");
    }

    private Task<TimeSpan> FloorAsync() => FloorAsync(scratch, floor);

    private async Task<TimeSpan> NoopAsync(string scriptCache)
    {
        var (program, arguments) = repository.NoopCommand;
        var result = await BenchProcess.RunAsync(program, arguments, repository.Root, scratch.Environment(scriptCache), HangGuard.Default);
        TemplateRepository.CheckNoop(result, "A measured run");
        return result.Elapsed;
    }
}
