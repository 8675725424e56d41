using System.Text;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Scripting;

/// <summary>
/// A damaged cache (a truncated, garbled or missing assembly or entry) is a miss: the next run compiles the
/// script again and succeeds, and the cache is usable afterwards. A cache that cannot be written costs
/// speed, never the build.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class CacheDamageTests
{
    private const string Script = """
        var hello = Target("Hello").Executes(() => Console.WriteLine("hello after damage"));
        Default(hello);
        """;

    [Theory]
    [InlineData("truncated assembly")]
    [InlineData("assembly overwritten with garbage of the same length")]
    [InlineData("deleted assembly")]
    [InlineData("truncated entry")]
    [InlineData("entry overwritten with garbage of the same length")]
    [InlineData("entry naming a type the assembly does not have")]
    public async Task Damaged_cache_is_a_miss_the_script_is_compiled_again_and_the_cache_works_afterwards(string damage)
    {
        using var repo = new TempRepo(Script);
        var first = await repo.RunTracedAsync();
        first.ShouldExitWith(0);
        var folder = first.ScriptCacheFolder();

        Damage(folder, damage);
        var afterDamage = await repo.RunTracedAsync();

        afterDamage.ShouldExitWith(0);
        afterDamage.ShouldHaveCompiled();
        Assert.Contains("hello after damage", afterDamage.OutputLines);
        Assert.Equal("succeeded", afterDamage.OutcomeOf("Hello"));
        afterDamage.ShouldShowNoStackTrace();

        var repaired = await repo.RunTracedAsync();

        repaired.ShouldExitWith(0);
        repaired.ShouldBeACacheHit();
        Assert.Contains("hello after damage", repaired.OutputLines);
    }

    [Fact]
    public async Task Entry_whose_type_name_is_garbled_into_an_invalid_type_name_is_a_miss_not_a_crash()
    {
        using var repo = new TempRepo(Script);
        var first = await repo.RunTracedAsync();
        first.ShouldExitWith(0);
        var folder = first.ScriptCacheFolder();

        // One damaged byte in the type name, as a bit flip would leave it: a name .NET refuses to parse.
        EditEntryTypeName(folder, name => $"{name[..1]},{name[1..]}");
        var afterDamage = await repo.RunTracedAsync();

        afterDamage.ShouldExitWith(0);
        afterDamage.ShouldHaveCompiled();
        Assert.Contains("hello after damage", afterDamage.OutputLines);
        afterDamage.OutputShouldNotContain("failed unexpectedly");
        afterDamage.ShouldShowNoStackTrace();
    }

    [Fact]
    public async Task Trace_prints_the_loaded_assemblies_once_when_an_unusable_entry_is_compiled_again()
    {
        using var repo = new TempRepo(Script);
        var first = await repo.RunTracedAsync();
        first.ShouldExitWith(0);
        EditEntryTypeName(first.ScriptCacheFolder(), name => "Missing" + name);

        var afterDamage = await repo.RunTracedAsync();

        afterDamage.ShouldExitWith(0);
        afterDamage.ShouldHaveCompiled();
        Assert.Single(afterDamage.StandardError.Split('\n'), line => line.StartsWith("pipeline: loaded assemblies: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cache_folder_that_cannot_be_created_costs_speed_but_the_build_still_succeeds_with_a_warning()
    {
        using var repo = new TempRepo(Script);

        // A file where the cache folder's parent should be: the cache cannot be created, even by root.
        File.WriteAllText(repo.Path("not-a-folder"), "a file");
        var result = await repo.RunTracedWithCacheAsync("not-a-folder/cache");

        result.ShouldExitWith(0);
        Assert.Contains("hello after damage", result.OutputLines);
        result.ErrorShouldContain("warning: could not write the script cache");
        result.ErrorShouldContain("PIPELINE_CACHE");
        result.ShouldShowNoStackTrace();
    }

    private static void Damage(string scriptCacheFolder, string damage)
    {
        switch (damage)
        {
            case "truncated assembly":
                Truncate(CacheTrace.CachedAssembly(scriptCacheFolder));
                break;
            case "assembly overwritten with garbage of the same length":
                OverwriteWithGarbage(CacheTrace.CachedAssembly(scriptCacheFolder));
                break;
            case "deleted assembly":
                File.Delete(CacheTrace.CachedAssembly(scriptCacheFolder));
                break;
            case "truncated entry":
                Truncate(CacheTrace.EntryFile(scriptCacheFolder));
                break;
            case "entry overwritten with garbage of the same length":
                OverwriteWithGarbage(CacheTrace.EntryFile(scriptCacheFolder));
                break;
            case "entry naming a type the assembly does not have":
                EditEntryTypeName(scriptCacheFolder, name => "Missing" + name);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage), damage, "Unknown damage.");
        }
    }

    private static void Truncate(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        Assert.True(file.Length > 1, $"{path} is already empty.");
        file.SetLength(file.Length / 2);
    }

    private static void OverwriteWithGarbage(string path)
    {
        var garbage = new byte[new FileInfo(path).Length];
        new Random(20261123).NextBytes(garbage);
        File.WriteAllBytes(path, garbage);
    }

    /// <summary>
    /// Rewrites the type name on the entry's <c>entry TYPE METHOD</c> line (the line that says where the script
    /// starts), leaving the rest of the entry, and so its check that every source is unchanged, intact.
    /// </summary>
    private static void EditEntryTypeName(string scriptCacheFolder, Func<string, string> edit)
    {
        var entryFile = CacheTrace.EntryFile(scriptCacheFolder);
        var lines = File.ReadAllLines(entryFile);
        var index = Array.FindIndex(lines, line => line.StartsWith("entry ", StringComparison.Ordinal));
        Assert.True(index >= 0, $"The entry file has no 'entry TYPE METHOD' line; its format changed:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
        var parts = lines[index].Split(' ', 3);
        lines[index] = $"entry {edit(parts[1])} {parts[2]}";
        File.WriteAllText(entryFile, string.Join('\n', lines) + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
