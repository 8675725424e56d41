using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Scripting;

/// <summary>
/// The script's definition digest, part of every incremental target's fingerprint: it follows the content of the script
/// and of every file it <c>#load</c>s, whether the script was compiled or came from the cache, and not their dates or
/// the folder the checkout is in. Read from the runner's trace (<c>PIPELINE_TRACE=1</c>).
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class DefinitionDigestTests
{
    private const string DigestPrefix = "pipeline: definition digest ";

    private const string Script = """
        #load "lib/steps.csx"
        var hello = Target("Hello").Executes(() => Console.WriteLine(Greeting()));
        Default(hello);
        """;

    private const string Steps = "static string Greeting() => \"hello\";\n";

    [Fact]
    public async Task Editing_a_loaded_file_or_the_script_changes_the_definition_digest_and_touching_them_does_not()
    {
        using var repo = RepoWithLoadedFile();
        var compiled = await DigestOfRunAsync(repo);

        var later = DateTime.UtcNow.AddHours(1);
        File.SetLastWriteTimeUtc(repo.ScriptPath, later);
        File.SetLastWriteTimeUtc(repo.Path("build/lib/steps.csx"), later);
        var touched = await DigestOfRunAsync(repo, expectCacheHit: true);

        File.WriteAllText(repo.Path("build/lib/steps.csx"), Steps.Replace("hello", "hallo", StringComparison.Ordinal));
        var loadedFileEdited = await DigestOfRunAsync(repo);

        File.WriteAllText(repo.Path("build/lib/steps.csx"), Steps);
        var editedBack = await DigestOfRunAsync(repo);

        File.WriteAllText(repo.ScriptPath, Script + "// a comment is an edit too\n");
        var scriptEdited = await DigestOfRunAsync(repo);

        Assert.Equal(compiled, touched);
        Assert.NotEqual(compiled, loadedFileEdited);
        Assert.Equal(compiled, editedBack);
        Assert.NotEqual(compiled, scriptEdited);
        Assert.NotEqual(loadedFileEdited, scriptEdited);
    }

    [Fact]
    public async Task A_checkout_moved_to_another_folder_keeps_its_definition_digest()
    {
        using var repo = RepoWithLoadedFile();
        var here = await DigestOfRunAsync(repo);

        using var moved = new TempRepo(null);
        CopyFolder(repo.Path("build"), moved.Path("build"));
        var there = await DigestOfRunAsync(moved);

        Assert.Equal(here, there);
    }

    private static TempRepo RepoWithLoadedFile()
    {
        var repo = new TempRepo(Script);
        repo.CreateFolder("build/lib");
        File.WriteAllText(repo.Path("build/lib/steps.csx"), Steps);
        return repo;
    }

    /// <summary>Runs the script's default target, traced, and returns the definition digest the runner reports.</summary>
    private static async Task<string> DigestOfRunAsync(TempRepo repo, bool expectCacheHit = false)
    {
        var result = await repo.RunTracedAsync();
        result.ShouldExitWith(0);
        if (expectCacheHit)
        {
            result.ShouldBeACacheHit();
        }

        var lines = result.StandardError.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.StartsWith(DigestPrefix, StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, $"Expected one definition digest in the trace.{Environment.NewLine}{result}");
        Assert.EndsWith(" (build/build.csx)", lines[0], StringComparison.Ordinal);
        return lines[0][DigestPrefix.Length..lines[0].IndexOf(' ', DigestPrefix.Length)];
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
