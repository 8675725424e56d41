using Pipeline.EndToEnd.Tests.Hosts;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Reports;

/// <summary>
/// The report's bytes: two runs of the same build give the same file once its times are replaced, and that file is the
/// reviewed one. A GitHub Actions pull request build, so the identity shows a branch, commit, pull request and run link.
/// </summary>
public sealed class RunReportGoldenTests : IDisposable
{
    // Left and Right meet (each waits for the other's marker), so they always take lanes 1 and 2; Lint and Docs start
    // together after both, in declaration order; Pack waits for Lint; Publish fails; Announce is not run.
    internal const string Script = MeetingTargets.Meet + """
        var left = Target("Left").Executes(() => Meet("Left", "Right"));
        var right = Target("Right").Executes(() => Meet("Right", "Left"));
        var lint = Target("Lint").DependsOn(left, right).AllowFailure().Executes(() => throw new InvalidOperationException("2 warnings <as errors> & more"));
        var docs = Target("Docs").DependsOn(left, right).OnlyWhen(() => false, "no docs in this repository");
        var pack = Target("Pack").DependsOn(lint).Executes(() => WriteAtEnd("Packed: 2 packages"));
        var publish = Target("Publish").DependsOn(pack).Executes(() => throw new IOException("the feed is unreachable"));
        var announce = Target("Announce").DependsOn(publish).Executes(() => Console.WriteLine("announcing"));
        Default(announce);
        """;

    private readonly TempRepo _repo = new(Script);

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task The_same_run_gives_the_same_report_apart_from_its_times()
    {
        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Snapshot.Verify(first, "github-actions-pull-request");
    }

    private async Task<string> RunAsync()
    {
        if (Directory.Exists(_repo.Path("markers")))
        {
            Directory.Delete(_repo.Path("markers"), recursive: true);
        }

        var run = await HostRun.StartAsync(_repo, HostFixtures.GitHubPullRequest, "--host", "github-actions", "--parallel", "2", "Announce", "Docs");
        run.Result.ShouldExitWith(1);
        // Times first: the runs' own normalisation would take the durations the report's replacement looks for.
        var report = RunReportPage.WithoutTimes(_repo.ReadText("artifacts/report.html"));
        return run.Normalise(report).Replace(Path.GetFileName(_repo.Root), "<repo>", StringComparison.Ordinal);
    }
}
