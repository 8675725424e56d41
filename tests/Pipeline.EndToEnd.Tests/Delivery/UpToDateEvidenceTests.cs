namespace Pipeline.EndToEnd.Tests.Delivery;

/// <summary>
/// An incremental stage that was up to date did not run in the run that made the candidate: its QA evidence says
/// so, names the successful run it stands on, and is still evidence (a <c>--skip</c>ped stage is not).
/// </summary>
public sealed class UpToDateEvidenceTests
{
    private const string IncrementalCheck = """
        var check = Target("Check").Inputs("src/**").Executes(() => Console.WriteLine("checked the sources"));
        package.DependsOn(check);
        """;

    [Fact]
    public async Task An_up_to_date_stage_is_qa_evidence_that_names_the_run_it_stands_on()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment()", extra: IncrementalCheck, packed: false);
        (await repo.RunAsync(NoBuildCache, "Check")).ShouldExitWith(0);

        var release = await repo.RunAsync(NoBuildCache, "Release");

        Assert.Equal("up to date", release.OutcomeOf("Check"));
        var stage = ReleaseTestKit.Records(repo, "qa").Last().GetProperty("stages").GetProperty("Check").GetString();
        Assert.StartsWith("Succeeded (up to date: its run of ", stage, StringComparison.Ordinal);
        ReleaseTestKit.ShouldBeReleased(release, repo);
    }

    [Fact]
    public async Task A_skipped_stage_is_still_not_evidence_next_to_an_up_to_date_one()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment()", extra: IncrementalCheck, packed: false);
        (await repo.RunAsync(NoBuildCache, "Check")).ShouldExitWith(0);
        (await repo.RunAsync(NoBuildCache, "Package")).ShouldExitWith(0);

        var release = await repo.RunAsync(NoBuildCache, "Release", "--skip", "Package");

        var stages = ReleaseTestKit.Records(repo, "qa").Last().GetProperty("stages");
        Assert.Equal("Skipped (--skip)", stages.GetProperty("Package").GetString());
        ReleaseTestKit.ShouldBeRefusedBy(release, repo, "passed-qa");
    }

    private static Dictionary<string, string?> NoBuildCache => new() { ["PIPELINE_BUILD_CACHE"] = "off" };
}
