using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Scripting;

/// <summary>
/// <c>#r "nuget: Name, Version"</c>: packages are restored through the machine's NuGet configuration, used
/// by the script at run time, and found again by a cache hit without restoring or compiling. Restore
/// problems exit 2 with a message that names the package, never a stack trace.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class NuGetReferenceTests
{
    [Fact]
    public async Task Package_is_used_at_run_time_and_a_second_run_is_a_cache_hit_that_still_finds_its_assembly()
    {
        using var repo = new TempRepo("""
            #r "nuget: Humanizer.Core, 2.14.1"
            using Humanizer;

            var report = Target("Report").Executes(() => Console.WriteLine(
                $"humanized: {"PascalCaseInputString".Humanize()}, {"release notes for pipeline".Transform(To.TitleCase)}, {"build".Pluralize()}"));
            Default(report);
            """);

        var first = await repo.RunTracedAsync();

        first.ShouldExitWith(0);
        first.ShouldBeACacheMiss();
        Assert.Contains("humanized: Pascal case input string, Release Notes for Pipeline, builds", first.OutputLines);
        Assert.Contains("Humanizer", first.LoadedAssemblies());
        first.ShouldShowNoStackTrace();

        var second = await repo.RunTracedAsync();

        second.ShouldExitWith(0);
        second.ShouldBeACacheHit();
        Assert.Contains("humanized: Pascal case input string, Release Notes for Pipeline, builds", second.OutputLines);
        Assert.Contains("Humanizer", second.LoadedAssemblies());
        second.ShouldShowNoStackTrace();
    }

    [Fact]
    public async Task Package_referenced_only_by_a_loaded_file_is_restored_and_used()
    {
        using var repo = new TempRepo("""
            #load "lib/json.csx"
            var report = Target("Report").Executes(() => Console.WriteLine($"json: {ToJson(new { answer = 42, tags = new[] { "a", "b" } })}"));
            Default(report);
            """);
        repo.CreateFolder("build/lib");
        File.WriteAllText(repo.Path("build/lib/json.csx"), """
            #r "nuget: Newtonsoft.Json, 13.0.3"
            static string ToJson(object value) => Newtonsoft.Json.JsonConvert.SerializeObject(value);
            """);

        var result = await repo.RunTracedAsync();

        result.ShouldExitWith(0);
        Assert.Contains("""json: {"answer":42,"tags":["a","b"]}""", result.OutputLines);
        Assert.Contains("Newtonsoft.Json", result.LoadedAssemblies());
        result.ShouldShowNoStackTrace();
    }

    [Fact]
    public async Task Two_packages_are_both_usable_and_a_second_run_is_a_cache_hit_that_still_finds_them()
    {
        using var repo = new TempRepo("""
            #r "nuget: Humanizer.Core, 2.14.1"
            #r "nuget: Newtonsoft.Json, 13.0.3"
            using Humanizer;

            var report = Target("Report").Executes(() =>
                Console.WriteLine($"both: {Newtonsoft.Json.JsonConvert.SerializeObject(new[] { "build".Pluralize(), "SomeWords".Humanize() })}"));
            Default(report);
            """);

        var first = await repo.RunTracedAsync();

        first.OutputShouldNotContain("failed unexpectedly");
        first.ShouldExitWith(0);
        Assert.Contains("""both: ["builds","Some words"]""", first.OutputLines);

        var second = await repo.RunTracedAsync();

        second.ShouldExitWith(0);
        second.ShouldBeACacheHit();
        Assert.Contains("""both: ["builds","Some words"]""", second.OutputLines);
        Assert.Contains("Humanizer", second.LoadedAssemblies());
        Assert.Contains("Newtonsoft.Json", second.LoadedAssemblies());
    }

    [Fact]
    public async Task Package_that_does_not_exist_exits_2_with_an_error_naming_the_package()
    {
        using var repo = new TempRepo("""
            #r "nuget: Pipeline.EndToEnd.NoSuchPackage, 1.0.0"
            var hello = Target("Hello").Executes(() => Console.WriteLine("hello"));
            Default(hello);
            """);

        var result = await repo.RunTracedAsync();

        result.ShouldExitWith(2);
        result.ErrorShouldContain("build/build.csx: error: could not restore the script's NuGet packages (Pipeline.EndToEnd.NoSuchPackage 1.0.0)");
        result.ErrorShouldContain("NU1101");
        result.ShouldShowNoStackTrace();
        result.ShouldHaveRunNoTarget();
    }

    [Fact]
    public async Task Package_reference_without_a_version_exits_2_and_says_how_to_write_one()
    {
        using var repo = new TempRepo("""
            #r "nuget: Humanizer.Core"
            var hello = Target("Hello").Executes(() => Console.WriteLine("hello"));
            Default(hello);
            """);

        var result = await repo.RunTracedAsync();

        result.ShouldExitWith(2);
        result.ErrorShouldContain("""#r "nuget: Humanizer.Core" needs a package name and a version: #r "nuget: Name, 1.2.3".""");
        result.ShouldShowNoStackTrace();
        result.ShouldHaveRunNoTarget();
    }

    [Fact]
    public async Task Cache_folder_that_cannot_be_created_does_not_stop_a_script_with_a_package_reference()
    {
        using var repo = new TempRepo("""
            #r "nuget: Newtonsoft.Json, 13.0.3"
            var hello = Target("Hello").Executes(() => Console.WriteLine($"json: {Newtonsoft.Json.JsonConvert.SerializeObject(new[] { 1, 2 })}"));
            Default(hello);
            """);
        File.WriteAllText(repo.Path("not-a-folder"), "a file");

        var result = await repo.RunTracedWithCacheAsync("not-a-folder/cache");

        result.OutputShouldNotContain("failed unexpectedly");
        result.ShouldShowNoStackTrace();
        result.ShouldExitWith(0);
        Assert.Contains("json: [1,2]", result.OutputLines);
        result.ErrorShouldContain("PIPELINE_CACHE");
    }
}
