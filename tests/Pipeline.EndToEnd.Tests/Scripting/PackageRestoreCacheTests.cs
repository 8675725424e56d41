using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Scripting;

/// <summary>
/// A script's packages are restored once per package set and NuGet configuration, not once per script text:
/// an edit that keeps the <c>#r "nuget: ..."</c> lines recompiles the script without running MSBuild,
/// a new version or a changed nuget.config restores again, and a damaged restore is redone, never a crash.
/// An <see cref="MSBuildLog"/> shows every restore and build the runner starts.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class PackageRestoreCacheTests
{
    private const string RestoringTrace = "pipeline: restoring packages (";

    [Fact]
    public async Task Editing_the_script_body_twice_recompiles_it_without_restoring_its_packages_again()
    {
        using var repo = new TempRepo(Script("first"));
        var msbuild = new MSBuildLog(repo.Path("msbuild-log"));

        var first = await RunAsync(repo, msbuild);
        first.ShouldExitWith(0);
        Assert.Contains("first: builds", first.OutputLines);
        ShouldHaveRestored(first, msbuild);

        foreach (var edit in new[] { "second", "third" })
        {
            File.WriteAllText(repo.ScriptPath, Script(edit));

            var edited = await RunAsync(repo, msbuild);

            edited.ShouldExitWith(0);
            edited.ShouldHaveCompiled();
            Assert.Contains($"{edit}: builds", edited.OutputLines);
            Assert.Contains("Humanizer", edited.LoadedAssemblies());
            ShouldNotHaveRestored(edited, msbuild);
        }
    }

    [Fact]
    public async Task Another_package_version_restores_again_and_going_back_finds_the_first_restore()
    {
        using var repo = new TempRepo(Script("first"));
        var msbuild = new MSBuildLog(repo.Path("msbuild-log"));
        (await RunAsync(repo, msbuild)).ShouldExitWith(0);

        File.WriteAllText(repo.ScriptPath, Script("older", version: "2.8.26"));
        var older = await RunAsync(repo, msbuild);

        older.ShouldExitWith(0);
        Assert.Contains("older: builds", older.OutputLines);
        ShouldHaveRestored(older, msbuild);
        Assert.Contains("Humanizer", older.LoadedAssemblies());

        File.WriteAllText(repo.ScriptPath, Script("back"));
        var back = await RunAsync(repo, msbuild);

        back.ShouldExitWith(0);
        Assert.Contains("back: builds", back.OutputLines);
        ShouldNotHaveRestored(back, msbuild);
    }

    [Fact]
    public async Task A_changed_nuget_config_restores_again_with_it()
    {
        using var repo = new TempRepo(Script("first"));
        var msbuild = new MSBuildLog(repo.Path("msbuild-log"));
        File.WriteAllText(repo.Path("nuget.config"), NuGetConfig(extraSource: null));
        (await RunAsync(repo, msbuild)).ShouldExitWith(0);

        File.WriteAllText(repo.ScriptPath, Script("same config"));
        var sameConfig = await RunAsync(repo, msbuild);
        sameConfig.ShouldExitWith(0);
        Assert.Contains("same config: builds", sameConfig.OutputLines);
        ShouldNotHaveRestored(sameConfig, msbuild);

        repo.CreateFolder("local-packages");
        File.WriteAllText(repo.Path("nuget.config"), NuGetConfig(extraSource: "local-packages"));
        File.WriteAllText(repo.ScriptPath, Script("new config"));
        var newConfig = await RunAsync(repo, msbuild);

        newConfig.ShouldExitWith(0);
        Assert.Contains("new config: builds", newConfig.OutputLines);
        ShouldHaveRestored(newConfig, msbuild);
    }

    [Fact]
    public async Task A_truncated_restore_record_or_a_deleted_package_assembly_is_restored_again_not_a_crash()
    {
        using var repo = new TempRepo(Script("first"));
        var msbuild = new MSBuildLog(repo.Path("msbuild-log"));
        var first = await RunAsync(repo, msbuild);
        first.ShouldExitWith(0);
        var restoreFolder = RestoreFolder(first);

        var record = Path.Combine(restoreFolder, "restored");
        Assert.True(File.Exists(record), $"The restore left no record in {restoreFolder}.");
        var lines = File.ReadAllLines(record);
        File.WriteAllLines(record, lines[..^1]);
        File.WriteAllText(repo.ScriptPath, Script("after truncation"));

        var afterTruncation = await RunAsync(repo, msbuild);

        afterTruncation.ShouldExitWith(0);
        afterTruncation.ShouldShowNoStackTrace();
        Assert.Contains("after truncation: builds", afterTruncation.OutputLines);
        ShouldHaveRestored(afterTruncation, msbuild);

        // The script is unchanged: its cache entry finds the assembly gone, compiles again, and so restores.
        File.Delete(Path.Combine(restoreFolder, "out", "Humanizer.dll"));

        var afterDeletion = await RunAsync(repo, msbuild);

        afterDeletion.ShouldExitWith(0);
        afterDeletion.ShouldShowNoStackTrace();
        Assert.Contains("after truncation: builds", afterDeletion.OutputLines);
        ShouldHaveRestored(afterDeletion, msbuild);
        Assert.True(File.Exists(Path.Combine(restoreFolder, "out", "Humanizer.dll")), "The restore did not bring the deleted assembly back.");
    }

    private static string Script(string greeting, string version = "2.14.1") => $$"""
        #r "nuget: Humanizer.Core, {{version}}"
        using Humanizer;

        var report = Target("Report").Executes(() => Console.WriteLine($"{{greeting}}: {"build".Pluralize()}"));
        Default(report);
        """;

    /// <summary>Only nuget.org, plus <paramref name="extraSource"/> (a folder relative to the config) when given.</summary>
    private static string NuGetConfig(string? extraSource) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
            {(extraSource is null ? string.Empty : $"<add key=\"local\" value=\"{extraSource}\" />")}
          </packageSources>
        </configuration>
        """;

    /// <summary>Runs traced, with the repository's own cache and every MSBuild run logged; the log starts empty.</summary>
    private static Task<RunnerResult> RunAsync(TempRepo repo, MSBuildLog msbuild)
    {
        msbuild.Clear();
        var environment = CacheTrace.Environment(repo);
        environment.Add(msbuild.EnvironmentVariable.Key, msbuild.EnvironmentVariable.Value);
        return repo.RunAsync(environment);
    }

    /// <summary>The run restored and built the restore project, once.</summary>
    private static void ShouldHaveRestored(RunnerResult result, MSBuildLog msbuild)
    {
        var entries = msbuild.Entries;
        var project = entries.Select(entry => entry.Split(' ', 2)[1]).FirstOrDefault() ?? string.Empty;
        Assert.True(
            entries.SequenceEqual([$"restore {project}", $"build {project}"]) && project.EndsWith("script-packages.csproj", StringComparison.Ordinal),
            $"Expected one restore and one build of the restore project, MSBuild logged: [{string.Join("; ", entries)}].{Environment.NewLine}{result}");
    }

    /// <summary>The run ran no MSBuild at all: the packages came from the stored restore.</summary>
    private static void ShouldNotHaveRestored(RunnerResult result, MSBuildLog msbuild)
    {
        Assert.True(msbuild.Entries.Count == 0, $"The run ran MSBuild: [{string.Join("; ", msbuild.Entries)}].{Environment.NewLine}{result}");
        result.ErrorShouldContain("pipeline: packages already restored (");
    }

    /// <summary>The restore folder the trace names.</summary>
    private static string RestoreFolder(RunnerResult result)
    {
        var line = result.StandardError.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith(RestoringTrace, StringComparison.Ordinal));
        Assert.True(line is not null && line.EndsWith(')'), $"The trace names no restore folder.{Environment.NewLine}{result}");
        return line![RestoringTrace.Length..^1];
    }
}
