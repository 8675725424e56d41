using Pipeline.EndToEnd.Tests.Infrastructure;

using static Pipeline.EndToEnd.Tests.Delivery.ReleaseTestKit;

namespace Pipeline.EndToEnd.Tests.Delivery;

/// <summary>
/// The release decision in the run's summary: <c>artifacts/summary.md</c> on every host and the job summary where
/// the host has one show the environment, version, digest, every rule's verdict and who approved.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class ReleaseSummaryTests
{
    [Fact]
    public async Task The_job_summary_and_summary_md_show_the_release_decision_with_every_verdict_and_the_approver()
    {
        using var repo = await DeliveryRepo.CreateAsync(packed: false);
        using var host = new TempRepo(script: null);
        (await repo.RunAsync()).ShouldExitWith(0);
        var evidence = Records(repo, "qa")[^1];
        var (version, digest) = (Text(evidence, "version"), Text(evidence, "digest"));

        var stepSummary = host.Path("step-summary.md");
        File.WriteAllText(stepSummary, string.Empty);
        var refused = await repo.RunAsync(OnGitHubActions(await repo.GitAsync("rev-parse", "HEAD"), stepSummary), "Release");

        refused.ShouldExitWith(3);
        var jobSummary = File.ReadAllText(stepSummary);
        var shown = $"--- job summary:{Environment.NewLine}{jobSummary}{Environment.NewLine}{refused}";
        Assert.True(jobSummary.Contains($"#### production {version}: refused by approval\n", StringComparison.Ordinal), shown);
        Assert.True(jobSummary.Contains($"Release of {version} to production, digest `{digest}`, continuous delivery; no approval.", StringComparison.Ordinal), shown);
        ShouldShowEveryVerdict(jobSummary, refused, shown);

        var released = await repo.RunAsync(DeliveryRepo.As(DeliveryRepo.Approver), "Release", "--approve");

        released.ShouldExitWith(0);
        var summary = repo.Repository.ReadText("artifacts/summary.md");
        shown = $"--- artifacts/summary.md:{Environment.NewLine}{summary}{Environment.NewLine}{released}";
        Assert.True(summary.Contains($"#### production {version}: released\n", StringComparison.Ordinal), shown);
        Assert.True(summary.Contains($"Release of {version} to production, digest `{digest}`, continuous delivery; approved by {DeliveryRepo.Approver}.", StringComparison.Ordinal), shown);
        ShouldShowEveryVerdict(summary, released, shown);
    }

    /// <summary>Every verdict the run printed is a row of the summary's table, pass or FAIL, with its detail.</summary>
    private static void ShouldShowEveryVerdict(string markdown, RunnerResult run, string shown)
    {
        var verdicts = Rules(run);
        Assert.NotEmpty(verdicts);
        foreach (var verdict in verdicts)
        {
            var row = $"| {verdict.Name} | {(verdict.Passed ? "pass" : "**FAIL**")} | {verdict.Detail.Replace("|", "\\|", StringComparison.Ordinal)} |";
            Assert.True(markdown.Contains(row, StringComparison.Ordinal), $"No row {row}{Environment.NewLine}{shown}");
        }
    }

    private static Dictionary<string, string?> OnGitHubActions(string commit, string stepSummary) => new()
    {
        ["CI"] = "true",
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_EVENT_NAME"] = "push",
        ["GITHUB_REF"] = "refs/heads/main",
        ["GITHUB_REF_NAME"] = "main",
        ["GITHUB_REF_TYPE"] = "branch",
        ["GITHUB_SHA"] = commit,
        ["GITHUB_REPOSITORY"] = "example/app",
        ["GITHUB_SERVER_URL"] = "https://github.com",
        ["GITHUB_RUN_ID"] = "1234",
        ["GITHUB_STEP_SUMMARY"] = stepSummary,
    };
}
