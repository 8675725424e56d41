using Pipeline.EndToEnd.Tests.Delivery;
using Pipeline.EndToEnd.Tests.Hosts;

namespace Pipeline.EndToEnd.Tests.CiGeneration;

/// <summary>
/// Generated CI jobs split one build: the QA job runs with <c>--skip</c> for the stages the job that made the
/// candidate ran. That counts as QA evidence only when the candidate was made by an earlier job of the same CI run.
/// </summary>
public sealed class SplitJobsProvenanceTests
{
    private const string ThisPipeline = "https://gitlab.example/acme/app/-/pipelines/1234567";

    [Fact]
    public async Task Stages_an_earlier_job_of_the_same_pipeline_ran_are_qa_evidence_for_the_release()
    {
        using var repo = await DeliveryRepo.CreateAsync(packed: false);
        (await repo.RunAsync(await JobAsync(repo, ThisPipeline), "Package")).ShouldExitWith(0);

        var qa = await repo.RunAsync(await JobAsync(repo, ThisPipeline), "PublishQa", "--skip", "Package");
        var release = await repo.RunAsync(await JobAsync(repo, ThisPipeline), "Release", "--skip", "Package,PublishQa", "--approve");

        qa.ShouldExitWith(0);
        var evidence = ReleaseTestKit.Records(repo, "qa").Last();
        Assert.Equal($"Succeeded (in an earlier job of {ThisPipeline})", evidence.GetProperty("stages").GetProperty("Package").GetString());
        ReleaseTestKit.ShouldBeReleased(release, repo);
    }

    [Fact]
    public async Task A_candidate_another_pipeline_made_does_not_make_skipped_stages_evidence()
    {
        using var repo = await DeliveryRepo.CreateAsync(packed: false);
        (await repo.RunAsync(await JobAsync(repo, "https://gitlab.example/acme/app/-/pipelines/1"), "Package")).ShouldExitWith(0);

        var qa = await repo.RunAsync(await JobAsync(repo, ThisPipeline), "PublishQa", "--skip", "Package");
        var release = await repo.RunAsync(await JobAsync(repo, ThisPipeline), "Release", "--skip", "Package,PublishQa", "--approve");

        qa.ShouldExitWith(0);
        ReleaseTestKit.ShouldBeRefusedBy(release, repo, "passed-qa");
        Assert.Contains("Package Skipped (--skip)", ReleaseTestKit.Rule(release, "passed-qa").Detail, StringComparison.Ordinal);
    }

    /// <summary>A GitLab job of <paramref name="pipeline"/> building the repository's HEAD on main, started by <see cref="DeliveryRepo.Approver"/>.</summary>
    private static async Task<Dictionary<string, string?>> JobAsync(DeliveryRepo repo, string pipeline)
    {
        var variables = HostFixtures.Environment(HostFixtures.For("gitlab"), repo.Root);
        variables["CI_PIPELINE_URL"] = pipeline;
        variables["CI_COMMIT_SHA"] = await repo.GitAsync("rev-parse", "HEAD");
        variables["CI_DEFAULT_BRANCH"] = "main";
        variables["GITLAB_USER_EMAIL"] = DeliveryRepo.Approver;
        return variables;
    }
}
