using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests;

/// <summary>The runner finds build/build.csx from below, by --script or by PIPELINE_SCRIPT, and works in the repository root.</summary>
public sealed class ScriptLocationTests : IDisposable
{
    private const string Script = """
        var write = Target("Write").Executes(() =>
        {
            Directory.CreateDirectory("artifacts");
            File.WriteAllText("artifacts/relative.txt", "written through a relative path");
            File.WriteAllText(Root / "artifacts" / "rooted.txt", "written through Root");
            Console.WriteLine($"root folder: {Root.Name}");
            Console.WriteLine($"current folder: {Path.GetFileName(Directory.GetCurrentDirectory())}");
        });
        Default(write);
        """;

    private readonly TempRepo _repo = new(Script);
    private readonly TempRepo _elsewhere = new(script: null);

    public void Dispose()
    {
        _repo.Dispose();
        _elsewhere.Dispose();
    }

    private string RootName => Path.GetFileName(_repo.Root);

    [Fact]
    public async Task Running_from_a_subfolder_finds_the_script_above_and_resolves_relative_paths_against_the_root()
    {
        var subfolder = _repo.CreateFolder("src/App/Services");

        var result = await PipelineRunner.RunAsync(subfolder, []);

        result.ShouldExitWith(0);
        Assert.Contains($"root folder: {RootName}", result.OutputLines);
        Assert.Contains($"current folder: {RootName}", result.OutputLines);
        Assert.Equal("written through a relative path", _repo.ReadText("artifacts/relative.txt"));
        Assert.Equal("written through Root", _repo.ReadText("artifacts/rooted.txt"));
        Assert.False(Directory.Exists(Path.Combine(subfolder, "artifacts")), "Relative paths must not resolve against the folder the runner was started in.");
    }

    [Fact]
    public async Task Script_option_runs_a_script_from_an_unrelated_folder_with_its_repository_as_the_root()
    {
        var result = await PipelineRunner.RunAsync(_elsewhere.Root, ["--script", _repo.ScriptPath, "Write"]);

        result.ShouldExitWith(0);
        Assert.Contains($"root folder: {RootName}", result.OutputLines);
        Assert.Contains($"current folder: {RootName}", result.OutputLines);
        Assert.True(_repo.Exists("artifacts/relative.txt"));
        Assert.False(_elsewhere.Exists("artifacts"), "Nothing is written in the folder the runner was started in.");
    }

    [Fact]
    public async Task PIPELINE_SCRIPT_names_the_script_when_there_is_none_in_the_folder()
    {
        var result = await PipelineRunner.RunAsync(
            _elsewhere.Root,
            [],
            new Dictionary<string, string?> { ["PIPELINE_SCRIPT"] = _repo.ScriptPath });

        result.ShouldExitWith(0);
        Assert.Contains($"root folder: {RootName}", result.OutputLines);
        Assert.True(_repo.Exists("artifacts/rooted.txt"));
        Assert.False(_elsewhere.Exists("artifacts"));
    }
}
