using Pipeline.EndToEnd.Tests.BuildCache;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Incremental;

/// <summary>
/// The build cache as a user meets it: outputs that are gone (a fresh clone, <c>git clean</c>, another branch and
/// back) come back from the cache instead of a run, locally or from a real nginx speaking the remote cache protocol.
/// The build is <see cref="IncrementalTargetTests.Script"/>; each test has its own cache folder.
/// </summary>
public sealed class BuildCacheRunTests : IDisposable
{
    private readonly TempRepo _repo = new(IncrementalTargetTests.Script);
    private readonly string _cache = Directory.CreateTempSubdirectory("pipeline-build-cache-").FullName;

    public BuildCacheRunTests() => WriteSources(_repo);

    public void Dispose()
    {
        _repo.Dispose();
        Directory.Delete(_cache, recursive: true);
    }

    [Fact]
    public async Task Outputs_lost_with_the_state_are_restored_from_the_cache_byte_for_byte_and_the_output_is_replayed()
    {
        (await _repo.RunAsync(Local())).ShouldExitWith(0);
        var built = File.ReadAllBytes(_repo.Path("out/app.bin"));
        CleanCheckout(_repo);

        var restored = await _repo.RunAsync(Local());

        restored.ShouldExitWith(0);
        Assert.Equal("restored from the build cache", restored.OutcomeOf("Compile"));
        Assert.Equal("restored from the build cache", restored.OutcomeOf("Test"));
        Assert.Equal(built, File.ReadAllBytes(_repo.Path("out/app.bin")));
        Assert.Empty(Runs(_repo));
        Assert.Contains(restored.OutputLines, l => l.StartsWith("(restored from the build cache: the output of its run of ", StringComparison.Ordinal));
        Assert.Contains("testing ALPHA|BETARelease", restored.OutputLines);
        Assert.Equal("Test: 2 passed, 0 failed", restored.LastOutputLine);
    }

    [Fact]
    public async Task Another_branch_and_back_restores_the_first_result_instead_of_running_again()
    {
        (await _repo.RunAsync(Local(), "Compile")).ShouldExitWith(0);
        File.WriteAllText(_repo.Path("src/a.txt"), "other branch");
        (await _repo.RunAsync(Local(), "Compile")).ShouldExitWith(0);
        File.WriteAllText(_repo.Path("src/a.txt"), "alpha");

        var back = await _repo.RunAsync(Local(), "Compile");

        Assert.Equal("restored from the build cache", back.OutcomeOf("Compile"));
        Assert.Equal("ALPHA|BETARelease", _repo.ReadText("out/app.bin"));
        Assert.Equal(["Compile", "Compile"], Runs(_repo));
    }

    [Fact]
    public async Task A_ci_job_fills_a_remote_cache_on_nginx_and_a_fresh_clone_elsewhere_restores_from_it()
    {
        await using var nginx = await Nginx.StartAsync();
        (await _repo.RunAsync(Remote(nginx))).ShouldExitWith(0);
        using var clone = new TempRepo(IncrementalTargetTests.Script);
        WriteSources(clone);

        var restored = await clone.RunAsync(Remote(nginx));

        restored.ShouldExitWith(0);
        Assert.Contains(nginx.StoredFiles(), f => f.StartsWith("ac/", StringComparison.Ordinal));
        Assert.Equal("restored from the build cache", restored.OutcomeOf("Compile"));
        Assert.Equal("restored from the build cache", restored.OutcomeOf("Test"));
        Assert.Equal(_repo.ReadText("out/app.bin"), clone.ReadText("out/app.bin"));
        Assert.Empty(Runs(clone));
    }

    [Fact]
    public async Task A_remote_cache_that_went_away_costs_one_warning_and_the_build_still_succeeds()
    {
        var nginx = await Nginx.StartAsync();
        (await _repo.RunAsync(Remote(nginx))).ShouldExitWith(0);
        await nginx.DisposeAsync();
        CleanCheckout(_repo);

        var result = await _repo.RunAsync(Remote(nginx));

        result.ShouldExitWith(0);
        Assert.Equal("succeeded", result.OutcomeOf("Compile"));
        Assert.Single(result.StandardError.Split('\n'), l => l.StartsWith("warning: build cache ", StringComparison.Ordinal) && l.Contains("unreachable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pull_request_run_restores_from_the_remote_cache_but_writes_nothing_to_it()
    {
        await using var nginx = await Nginx.StartAsync();
        var pullRequest = new Dictionary<string, string?>(Remote(nginx))
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_REF"] = "refs/pull/7/merge",
            ["GITHUB_HEAD_REF"] = "feature",
            ["GITHUB_BASE_REF"] = "main",
            ["GITHUB_SHA"] = "0123456789abcdef0123456789abcdef01234567",
            ["GITHUB_REPOSITORY"] = "acme/app",
            ["GITHUB_RUN_ID"] = "1",
            ["GITHUB_SERVER_URL"] = "https://github.com",
        };

        var result = await _repo.RunAsync(pullRequest);

        result.ShouldExitWith(0);
        Assert.Equal("succeeded", result.OutcomeOf("Compile"));
        Assert.Empty(nginx.StoredFiles());
    }

    [Fact]
    public async Task A_target_that_declares_DoNotCache_runs_again_in_a_clean_checkout_and_stores_nothing()
    {
        File.AppendAllText(_repo.ScriptPath, "\ntest.DoNotCache(\"its result depends on this machine\");\n");
        (await _repo.RunAsync(Local())).ShouldExitWith(0);
        CleanCheckout(_repo);

        var again = await _repo.RunAsync(Local());

        Assert.Equal("restored from the build cache", again.OutcomeOf("Compile"));
        Assert.Equal("succeeded", again.OutcomeOf("Test"));
        Assert.Equal(["Test"], Runs(_repo));
    }

    private Dictionary<string, string?> Local() => new() { ["PIPELINE_BUILD_CACHE"] = _cache };

    private static Dictionary<string, string?> Remote(Nginx nginx) =>
        new() { ["PIPELINE_BUILD_CACHE"] = "off", ["PIPELINE_BUILD_CACHE_URL"] = nginx.Url.AbsoluteUri };

    private static void WriteSources(TempRepo repo)
    {
        Directory.CreateDirectory(repo.Path("src"));
        Directory.CreateDirectory(repo.Path("tests"));
        File.WriteAllText(repo.Path("src/a.txt"), "alpha");
        File.WriteAllText(repo.Path("src/b.txt"), "beta");
        File.WriteAllText(repo.Path("tests/t.txt"), "test");
    }

    /// <summary>What <c>git clean -fdx</c> leaves: the sources, no outputs, no state, no log of earlier runs.</summary>
    private static void CleanCheckout(TempRepo repo)
    {
        foreach (var folder in new[] { "out", "results", ".pipeline" })
        {
            Directory.Delete(repo.Path(folder), recursive: true);
        }

        File.Delete(repo.Path("runs.log"));
    }

    private static string[] Runs(TempRepo repo) =>
        repo.Exists("runs.log") ? repo.ReadText("runs.log").Split('\n', StringSplitOptions.RemoveEmptyEntries) : [];
}
