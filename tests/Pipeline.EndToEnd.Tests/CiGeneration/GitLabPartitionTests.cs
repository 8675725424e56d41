using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.CiGeneration;

/// <summary>A partitioned target in the generated <c>.gitlab-ci.yml</c>, run by gitlab-ci-local: <c>parallel:</c> copies, then the job that merges them.</summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class GitLabPartitionTests : IDisposable
{
    private const string Script = """
        var tests = Enumerable.Range(1, 10).Select(i => $"test{i:00}").ToArray();
        var compile = Target("Compile").Executes(() => Console.WriteLine("compiled"));
        var test = Target("Test").DependsOn(compile).Partition(2).Executes(() =>
        {
            var slice = Partition.Current;
            var mine = slice.Of(tests);
            foreach (var name in mine)
            {
                Console.WriteLine($"ran {name} in slice {slice}");
            }

            WriteAtEnd($"Test: {mine.Count} passed, 0 failed");
        });
        Default(Target("Pack").DependsOn(test).Executes(() => Console.WriteLine("packed")));
        Ci.GitLab();
        """;

    private readonly TempRepo _repo = new(Script);
    private readonly TempRepo _state = new(script: null);

    public void Dispose()
    {
        _repo.Dispose();
        _state.Dispose();
    }

    [Fact]
    public async Task Each_parallel_copy_runs_its_slice_and_the_next_job_merges_their_results()
    {
        RunnerBuildSh.WriteTo(_repo.Root);
        File.WriteAllText(_repo.Path(".gitignore"), "artifacts/\n.gitlab-ci-local/\n.nuget/\n");
        await GitAsync("init", "--quiet", "--initial-branch=main");
        var generated = await _repo.RunAsync("--generate-ci");
        generated.ShouldExitWith(0);
        await GitAsync("add", "-A");
        await GitAsync("-c", "user.email=author@example.com", "-c", "user.name=Author", "commit", "--quiet", "-m", "Partitioned tests");
        var gitlab = await GitLabCiLocal.ForAsync(_repo.Root, _state.Root);

        var pipeline = await gitlab.RunAsync();

        Assert.True(pipeline.ExitCode == 0, $"The pipeline failed:{Environment.NewLine}{pipeline.Describe()}");
        var lines = pipeline.StandardOutput.Split('\n');
        var ran = lines.Where(l => l.Contains("> ran test", StringComparison.Ordinal)).ToList();
        Assert.All(ran, line => Assert.StartsWith("test: [", line, StringComparison.Ordinal));
        Assert.Equal(
            Enumerable.Range(1, 10).Select(i => $"test{i:00}"),
            ran.Select(l => l[(l.IndexOf("> ran ", StringComparison.Ordinal) + "> ran ".Length)..].Split(' ')[0]).Order(StringComparer.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("build ", StringComparison.Ordinal) && l.Contains("Test succeeded", StringComparison.Ordinal) && l.EndsWith("satisfied by its 2 partitions", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("build ", StringComparison.Ordinal) && l.EndsWith("> Test: 10 passed, 0 failed", StringComparison.Ordinal));
    }

    private async Task GitAsync(params string[] arguments)
    {
        var result = await ChildProcess.RunAsync("git", arguments, _repo.Root);
        Assert.True(result.ExitCode == 0, result.Describe());
    }
}
