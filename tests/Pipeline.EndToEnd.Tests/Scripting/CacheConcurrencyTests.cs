using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Scripting;

/// <summary>
/// Cache writes are atomic: runs that compile the same script at the same time, or a run killed while
/// compiling or storing, leave a cache that the next run can use.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class CacheConcurrencyTests
{
    private const string Script = """
        var hello = Target("Hello").Executes(() => Console.WriteLine("hello, concurrently"));
        Default(hello);
        """;

    [Fact]
    public async Task Two_runs_started_together_on_an_empty_cache_both_succeed_and_leave_a_usable_cache()
    {
        using var repo = new TempRepo(Script);
        var environment = CacheTrace.Environment(repo);

        await using var one = PipelineRunner.Start(repo.Root, [], environment);
        await using var two = PipelineRunner.Start(repo.Root, [], environment);
        var results = await Task.WhenAll(one.Completion, two.Completion);

        Assert.All(results, result =>
        {
            result.ShouldExitWith(0);
            Assert.Contains("hello, concurrently", result.OutputLines);
            Assert.Equal("succeeded", result.OutcomeOf("Hello"));
            result.ShouldShowNoStackTrace();
            result.OutputShouldNotContain("warning:");
        });

        var third = await repo.RunTracedAsync();

        third.ShouldExitWith(0);
        third.ShouldBeACacheHit();
        Assert.Contains("hello, concurrently", third.OutputLines);
    }

    /// <summary>
    /// Best effort, with no assertion on timing: the runner is killed (SIGKILL) as soon as the moment is seen.
    /// Whether it died before, while or after writing the cache, the next run must succeed.
    /// </summary>
    [Theory]
    [InlineData("while compiling")]
    [InlineData("while storing")]
    public async Task Run_killed_while_compiling_leaves_a_cache_the_next_run_can_use(string moment)
    {
        using var repo = new TempRepo(Script);
        await using (var victim = PipelineRunner.Start(repo.Root, [], CacheTrace.Environment(repo)))
        {
            await WaitForAsync(victim, moment == "while compiling" ? () => HasLoadedRoslyn(victim.ProcessId) : () => HasCacheFolder(repo));
            ProcessProbe.Kill(victim.ProcessId, "dotnet");
            await victim.Completion;
        }

        var next = await repo.RunTracedAsync();

        next.ShouldExitWith(0);
        Assert.Contains("hello, concurrently", next.OutputLines);
        Assert.Equal("succeeded", next.OutcomeOf("Hello"));
        next.ShouldShowNoStackTrace();

        var after = await repo.RunTracedAsync();

        after.ShouldExitWith(0);
        after.ShouldBeACacheHit();
        Assert.Contains("hello, concurrently", after.OutputLines);
    }

    /// <summary>Polls until <paramref name="condition"/> holds or the runner has exited by itself.</summary>
    private static async Task WaitForAsync(RunningRunner runner, Func<bool> condition)
    {
        var limit = DateTime.UtcNow + PipelineRunner.Timeout;
        while (!runner.Completion.IsCompleted && !condition() && DateTime.UtcNow < limit)
        {
            await Task.Delay(5);
        }
    }

    /// <summary>Roslyn's compiler is mapped into the process: it is compiling (the runner loads it only on a miss).</summary>
    private static bool HasLoadedRoslyn(int processId)
    {
        try
        {
            return File.ReadLines($"/proc/{processId}/maps").Any(line => line.EndsWith("Microsoft.CodeAnalysis.CSharp.dll", StringComparison.Ordinal));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The runner has started storing the compiled script: its folder in the cache exists.</summary>
    private static bool HasCacheFolder(TempRepo repo)
    {
        var scripts = repo.Path($"{CacheTrace.DefaultCacheFolder}/scripts");
        return Directory.Exists(scripts) && Directory.EnumerateDirectories(scripts).Any();
    }
}
