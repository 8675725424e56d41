using System.Runtime.CompilerServices;
using Pipeline.EndToEnd.Tests.Hosts;
using Pipeline.EndToEnd.Tests.Infrastructure;
using Pipeline.EndToEnd.Tests.Reports;

namespace Pipeline.EndToEnd.Tests.Resident;

/// <summary>
/// The run report through the resident runner: the build of <see cref="RunReportGoldenTests"/> (a GitHub Actions pull
/// request, two lanes, a failure), run through the native client, writes the verified report of the in-process run.
/// </summary>
public sealed class FaithfulRunReportTests : IAsyncLifetime
{
    private readonly TempRepo _repo = new(RunReportGoldenTests.Script);

    private readonly ResidentRunners _runners = new();

    [Fact]
    public async Task The_report_of_a_run_through_the_resident_runner_is_the_in_process_report()
    {
        var run = await HostRun.StartAsync(_repo, HostFixtures.GitHubPullRequest, _runners, "--host", "github-actions", "--parallel", "2", "Announce", "Docs");

        run.Result.ShouldExitWith(1);
        RouteChecks.ShouldHaveARunnerListening(_runners, run.Result);
        var report = RunReportPage.WithoutTimes(_repo.ReadText("artifacts/report.html"));
        Snapshot.Verify(
            run.Normalise(report).Replace(Path.GetFileName(_repo.Root), "<repo>", StringComparison.Ordinal),
            "github-actions-pull-request",
            nameof(RunReportGoldenTests.The_same_run_gives_the_same_report_apart_from_its_times),
            InProcessTestsFile());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _runners.DisposeAsync();
        _repo.Dispose();
    }

    /// <summary>The in-process test's source file, next to which its snapshot is stored.</summary>
    private static string InProcessTestsFile([CallerFilePath] string self = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(self))!, "Reports", "RunReportGoldenTests.cs");
}
