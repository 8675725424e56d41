using Pipeline.EndToEnd.Tests.Infrastructure;
using Pipeline.Hosts;

namespace Pipeline.EndToEnd.Tests.Hosts;

/// <summary>Which host a run talks to: <c>--host</c> wins over detection, detection reads the environment, and an unknown name is a usage error.</summary>
public sealed class HostSelectionTests(SharedRepo shared) : IClassFixture<SharedRepo>
{
    private const string Script = """
        var compile = Target("Compile").Executes(() => Console.WriteLine("compiling 3 projects"));
        var pack = Target("Pack").DependsOn(compile).Executes(() =>
        {
            SetOutput("version", "1.2.3");
            Console.WriteLine("packed version 1.2.3");
        });
        Default(pack);
        """;

    private readonly TempRepo _repo = shared.With(Script);

    [Fact]
    public async Task Host_local_on_a_GitHub_Actions_machine_gives_plain_output_and_writes_nothing_for_GitHub()
    {
        var run = await HostRun.StartAsync(_repo, HostFixtures.For("github-actions"), "--host", "local");

        run.Result.ShouldExitWith(0);
        Assert.Equal("▶ Compile", run.Result.OutputLines[0]);
        Assert.DoesNotContain(run.Result.OutputLines, l => l.StartsWith("::", StringComparison.Ordinal));
        Assert.False(_repo.Exists(".ci-host"), "GitHub's step summary or output file was written under --host local.");
        Assert.Equal("version=1.2.3\n", _repo.ReadText("artifacts/outputs.env"));
        Snapshot.Verify(run.Describe(), "local");
    }

    [Fact]
    public async Task Without_host_option_GitHub_Actions_is_detected_from_GITHUB_ACTIONS()
    {
        var run = await HostRun.StartAsync(_repo, new HostFixture("github-actions", new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" }, new Dictionary<string, string>()));

        run.Result.ShouldExitWith(0);
        Assert.Equal(["::group::Compile", "▶ Compile", "compiling 3 projects", "::endgroup::"], run.Result.OutputLines.Take(4));
        Assert.Contains("::group::Pack", run.Result.OutputLines);
        Snapshot.Verify(run.Describe(), "github-actions");
    }

    [Fact]
    public async Task Unknown_host_exits_2_naming_the_known_hosts()
    {
        var run = await HostRun.StartAsync(_repo, HostFixtures.For("local"), "--host", "nonsense");

        run.Result.ShouldExitWith(2);
        Assert.Equal($"error: Unknown host 'nonsense'. Known hosts: {string.Join(", ", HostDetector.Names)}.", run.Result.StandardError.TrimEnd());
        Assert.Equal(string.Empty, run.Result.StandardOutput);
        Assert.False(_repo.Exists("artifacts"), "A run with an unknown host wrote its record.");
        Snapshot.Verify(run.Describe(), "nonsense");
    }

    [Fact]
    public async Task A_multi_line_output_GitLab_cannot_carry_is_kept_in_outputs_env_with_a_warning()
    {
        using var repo = new TempRepo("""
            Target("Notes").Executes(() => SetOutput("NOTES", "first line\nsecond line"));
            """);

        var run = await HostRun.StartAsync(repo, HostFixtures.For("gitlab"), "Notes");

        run.Result.ShouldExitWith(0);
        run.Result.ErrorShouldContain("warning: GitLab CI/CD cannot pass output 'NOTES' to later steps: its value spans lines");
        Assert.Equal("NOTES=\"first line\\nsecond line\"\n", repo.ReadText("artifacts/outputs.env"));
    }
}
