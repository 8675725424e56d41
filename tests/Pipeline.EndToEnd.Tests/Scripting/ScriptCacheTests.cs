using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Scripting;

/// <summary>
/// The compiled-script cache: the first run compiles with Roslyn and caches the assembly, later runs load it
/// without Roslyn, and a change to the script or to a file it loads (by content, not by date) compiles again.
/// Each test has a cache folder of its own.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class ScriptCacheTests
{
    private static string Script(string message) => $$"""
        var hello = Target("Hello").Executes(() => Console.WriteLine("{{message}}"));
        Default(hello);
        """;

    [Fact]
    public async Task First_run_compiles_with_Roslyn_and_the_second_run_is_a_cache_hit_that_loads_no_Roslyn_assembly()
    {
        using var repo = new TempRepo(Script("hello from the script"));

        var first = await repo.RunTracedAsync();

        first.ShouldExitWith(0);
        Assert.Contains("hello from the script", first.OutputLines);
        first.ShouldBeACacheMiss();
        Assert.Contains("Microsoft.CodeAnalysis.CSharp.Scripting", first.LoadedAssemblies());
        Assert.StartsWith(repo.Path(CacheTrace.DefaultCacheFolder), first.ScriptCacheFolder(), StringComparison.Ordinal);

        var second = await repo.RunTracedAsync();

        second.ShouldExitWith(0);
        Assert.Contains("hello from the script", second.OutputLines);
        second.ShouldBeACacheHit();
        Assert.Equal(first.ScriptCacheFolder(), second.ScriptCacheFolder());
        Assert.Contains("Pipeline", second.LoadedAssemblies());
        Assert.DoesNotContain(second.LoadedAssemblies(), name => name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        second.ShouldShowNoStackTrace();
    }

    [Fact]
    public async Task Editing_the_script_recompiles_it_and_the_new_behaviour_is_seen()
    {
        using var repo = new TempRepo(Script("version one"));
        var first = await repo.RunTracedAsync();
        first.ShouldExitWith(0);
        Assert.Contains("version one", first.OutputLines);

        File.WriteAllText(repo.ScriptPath, Script("version two"));
        var edited = await repo.RunTracedAsync();

        edited.ShouldExitWith(0);
        edited.ShouldHaveCompiled();
        Assert.Contains("version two", edited.OutputLines);
        edited.OutputShouldNotContain("version one");

        var again = await repo.RunTracedAsync();

        again.ShouldExitWith(0);
        again.ShouldBeACacheHit();
        Assert.Contains("version two", again.OutputLines);
        again.OutputShouldNotContain("version one");
    }

    [Fact]
    public async Task Touching_the_script_and_a_loaded_file_without_changing_their_content_stays_a_cache_hit()
    {
        using var repo = new TempRepo("""
            #load "lib/message.csx"
            var hello = Target("Hello").Executes(() => Console.WriteLine(Message()));
            Default(hello);
            """);
        repo.CreateFolder("build/lib");
        File.WriteAllText(repo.Path("build/lib/message.csx"), "static string Message() => \"unchanged message\";\n");
        var first = await repo.RunTracedAsync();
        first.ShouldExitWith(0);
        first.ShouldBeACacheMiss();

        // As `touch` or a fresh checkout would: new dates, same bytes.
        var later = DateTime.UtcNow.AddHours(1);
        foreach (var file in new[] { repo.ScriptPath, repo.Path("build/lib/message.csx") })
        {
            File.SetLastWriteTimeUtc(file, later);
            File.SetLastAccessTimeUtc(file, later);
        }

        var touched = await repo.RunTracedAsync();

        touched.ShouldExitWith(0);
        touched.ShouldBeACacheHit();
        Assert.Contains("unchanged message", touched.OutputLines);
    }

    [Fact]
    public async Task Editing_a_loaded_file_recompiles_the_script_and_the_new_behaviour_is_seen()
    {
        using var repo = new TempRepo("""
            #load "lib/version.csx"
            var show = Target("Show").Executes(() => Console.WriteLine($"version {Version}"));
            Default(show);
            """);
        repo.CreateFolder("build/lib");
        File.WriteAllText(repo.Path("build/lib/version.csx"), "const string Version = \"1.0\";\n");
        var first = await repo.RunTracedAsync();
        first.ShouldExitWith(0);
        Assert.Contains("version 1.0", first.OutputLines);

        File.WriteAllText(repo.Path("build/lib/version.csx"), "const string Version = \"2.0\";\n");
        var edited = await repo.RunTracedAsync();

        edited.ShouldExitWith(0);
        edited.ShouldHaveCompiled();
        Assert.Contains("version 2.0", edited.OutputLines);
        edited.OutputShouldNotContain("version 1.0");
    }

    [Fact]
    public async Task Unchanged_script_is_a_miss_in_a_different_cache_folder_and_still_a_hit_in_the_first()
    {
        using var repo = new TempRepo(Script("same script"));
        var first = await repo.RunTracedWithCacheAsync("cache-a");
        first.ShouldExitWith(0);
        first.ShouldBeACacheMiss();

        var otherCache = await repo.RunTracedWithCacheAsync("cache-b");

        otherCache.ShouldExitWith(0);
        otherCache.ShouldBeACacheMiss();
        Assert.StartsWith(repo.Path("cache-b"), otherCache.ScriptCacheFolder(), StringComparison.Ordinal);
        Assert.Contains("same script", otherCache.OutputLines);

        var firstAgain = await repo.RunTracedWithCacheAsync("cache-a");

        firstAgain.ShouldExitWith(0);
        firstAgain.ShouldBeACacheHit();
        Assert.Contains("same script", firstAgain.OutputLines);
    }

    [Fact]
    public async Task Relative_cache_folder_is_relative_to_the_folder_the_runner_was_started_in()
    {
        using var repo = new TempRepo(Script("relative cache"));
        var startedIn = repo.CreateFolder("src/app");
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["PIPELINE_CACHE"] = "relative-cache",
            ["PIPELINE_TRACE"] = "1",
        };

        var result = await PipelineRunner.RunAsync(startedIn, [], environment);

        result.ShouldExitWith(0);
        Assert.Contains("relative cache", result.OutputLines);
        Assert.StartsWith(Path.Combine(startedIn, "relative-cache"), result.ScriptCacheFolder(), StringComparison.Ordinal);
        Assert.False(repo.Exists("relative-cache"), "The cache went to the repository root instead of the folder the runner was started in.");
    }
}
