using Pipeline.EndToEnd.Tests.Infrastructure;
using static Pipeline.EndToEnd.Tests.Delivery.ReleaseTestKit;

namespace Pipeline.EndToEnd.Tests.Delivery;

/// <summary>
/// Where the gate's authority comes from and what it records of each attempt: the script is the ceiling of the
/// release mode, refs are restricted even without <c>AllowRefs</c>, a failing deployer leaves a <c>failed</c>
/// record, and a production check that fails after a release is recorded, fails the run and rolls back.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class ReleaseGateTests
{
    [Fact]
    public async Task Release_mode_from_the_environment_or_the_option_cannot_weaken_a_continuous_delivery_script()
    {
        using var repo = await DeliveryRepo.CreateAsync(packed: false);

        var fromVariable = await repo.RunAsync(new Dictionary<string, string?> { ["PIPELINE_RELEASE_MODE"] = "deployment" }, "Release");

        ShouldBeRefusedByTheScriptsMode(fromVariable, repo, "PIPELINE_RELEASE_MODE");
        Assert.Equal("succeeded", fromVariable.OutcomeOf("PublishQa"));

        var fromOption = await repo.RunAsync("Release", "--release-mode", "deployment");

        ShouldBeRefusedByTheScriptsMode(fromOption, repo, "--release-mode");
        Assert.Equal(2, Records(repo, "production").Count);
        Assert.False(repo.Repository.Exists("artifacts/environments/production"), "A weakened release reached production.");
    }

    [Fact]
    public async Task Without_allow_refs_only_the_default_branch_or_a_semver_tag_releases_and_a_pull_request_never()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment()", packed: false);
        await repo.GitAsync("checkout", "--quiet", "-b", "feature/x");

        var fromFeature = await repo.RunAsync("Release");

        ShouldBeRefusedBy(fromFeature, repo, "allowed-ref");
        Assert.Equal(
            "refs/heads/feature/x is neither the default branch main (git config init.defaultBranch) nor a SemVer tag; name the refs that may release with ReleasePolicy.AllowRefs(...)",
            Rule(fromFeature, "allowed-ref").Detail);

        // A GitHub pull request build of the same commit, whose target is the default branch.
        var commit = await repo.GitAsync("rev-parse", "HEAD");
        var pullRequest = new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true", ["GITHUB_EVENT_NAME"] = "pull_request", ["GITHUB_REF"] = "refs/pull/42/merge",
            ["GITHUB_REF_NAME"] = "42/merge", ["GITHUB_REF_TYPE"] = "branch", ["GITHUB_HEAD_REF"] = "feature/x", ["GITHUB_BASE_REF"] = "main",
            ["GITHUB_SHA"] = commit, ["GITHUB_ACTOR"] = "octocat",
        };

        var fromPullRequest = await repo.RunAsync(pullRequest, "Release");

        ShouldBeRefusedBy(fromPullRequest, repo, "allowed-ref");
        Assert.Equal("pull request 42 never releases; release from the branch it merges into once it is merged", Rule(fromPullRequest, "allowed-ref").Detail);

        // The same commit tagged with a SemVer version releases.
        await repo.GitAsync("tag", "v1.0.0");
        var fromTag = await repo.RunAsync("Release");

        ShouldBeReleased(fromTag, repo);
        Assert.Equal("refs/tags/v1.0.0 is a SemVer tag", Rule(fromTag, "allowed-ref").Detail);
    }

    [Fact]
    public async Task Failing_deployer_leaves_a_failed_record_with_the_masked_error_and_fails_the_run()
    {
        const string token = "tok-5ecr3t-value";
        using var repo = await DeliveryRepo.CreateAsync(
            policy: "new ReleasePolicy().ContinuousDeployment()",
            production: """.DeploysWith(Deployers.Custom("upload", (d, ct) => throw new InvalidOperationException($"the server refused token {Environment.GetEnvironmentVariable("PIPELINE_DEPLOY_TOKEN")}")))""",
            extra: """var token = Secret("deploy-token", "Token of the production server.");""", packed: false);

        var result = await repo.RunAsync(new Dictionary<string, string?> { ["PIPELINE_DEPLOY_TOKEN"] = token }, "Release");

        result.ShouldExitWith(1);
        result.ShouldShowNoStackTrace();
        Assert.Equal("failed", result.OutcomeOf("Release"));
        result.OutputShouldNotContain(token);
        var production = Records(repo, "production");
        Assert.Equal(["release started", "release failed"], production.Select(r => $"{Text(r, "kind")} {Text(r, "outcome")}"));
        Assert.Equal(Text(production[0], "digest"), Text(production[1], "digest"));
        Assert.StartsWith("InvalidOperationException: the server refused token ****", Text(production[1], "error"), StringComparison.Ordinal);
        Assert.DoesNotContain(token, string.Join('\n', repo.LedgerLines("production")), StringComparison.Ordinal);
        Assert.Contains(
            $"Deploying {Text(production[0], "version")} {Text(production[0], "digest")} to production failed (recorded in its ledger): InvalidOperationException: the server refused token ****",
            result.AllOutput,
            StringComparison.Ordinal);

        var history = await repo.RunAsync("--history", "production");
        history.ShouldExitWith(0);
        Assert.Contains(history.OutputLines, l => l.Contains("failed", StringComparison.Ordinal) && l.Contains("the server refused token ****", StringComparison.Ordinal));
        history.OutputShouldNotContain(token);
    }

    [Fact]
    public async Task Failing_production_check_is_recorded_fails_the_run_and_rolls_back_to_the_previous_release()
    {
        // The deployer keeps what production runs in artifacts/current; the check fails while artifacts/unhealthy exists.
        using var repo = await DeliveryRepo.CreateAsync(
            policy: "new ReleasePolicy().ContinuousDeployment().RollbackOnFailedCheck()",
            production: """
                .DeploysWith(Deployers.Custom("current", (d, ct) => File.WriteAllTextAsync(Root / "artifacts" / "current", d.Version, ct)))
                .Check("health", (d, ct) => File.Exists(Root / "artifacts" / "unhealthy") ? throw new InvalidOperationException("health answers 503") : Task.CompletedTask)
                """, packed: false);
        await repo.GitAsync("tag", "1.0.0");
        var first = await repo.RunAsync("Release");
        first.ShouldExitWith(0);
        Assert.Equal("1.0.0", File.ReadAllText(repo.Repository.Path("artifacts/current")));
        var passed = Records(repo, "production")[^1];
        Assert.Equal(("check", "passed", "1.0.0"), (Text(passed, "kind"), Text(passed, "outcome"), Text(passed, "version")));

        File.AppendAllText(repo.Repository.Path("src/App/Greeting.cs"), "// 1.1.0\n");
        await repo.CommitAllAsync("Next version");
        await repo.GitAsync("tag", "1.1.0");
        File.WriteAllText(repo.Repository.Path("artifacts/unhealthy"), string.Empty);

        var failing = await repo.RunAsync("Release");

        failing.ShouldExitWith(1);
        failing.ShouldShowNoStackTrace();
        Assert.Equal("failed", failing.OutcomeOf("Release"));
        Assert.Equal("1.0.0", File.ReadAllText(repo.Repository.Path("artifacts/current")));
        var records = Records(repo, "production");
        var after = records.Skip(records.Count - 5).ToList();
        Assert.Equal(
            ["release started 1.1.0", "release published 1.1.0", "check failed 1.1.0", "rollback started 1.0.0", "rollback published 1.0.0"],
            after.Select(r => $"{Text(r, "kind")} {Text(r, "outcome")} {Text(r, "version")}"));
        var digest110 = Text(after[1], "digest");
        Assert.Equal(digest110, Text(after[2], "digest"));
        var check = Assert.Single(after[2].GetProperty("checks").EnumerateArray());
        Assert.Equal("health", check.GetProperty("name").GetString());
        Assert.False(check.GetProperty("passed").GetBoolean());
        Assert.Equal(Text(passed, "digest"), Text(after[4], "digest"));
        Assert.StartsWith(
            $"automatic rollback (RollbackOnFailedCheck): check failed in production for 1.1.0 {digest110}: health: InvalidOperationException: health answers 503",
            Text(after[4], "comment"),
            StringComparison.Ordinal);
        failing.OutputShouldContain($"; rolled back to 1.0.0 {Text(passed, "digest")}.");
    }

    /// <summary>Refused (exit 3, recorded) by release-mode, naming where the weaker mode came from; approval judged as the script says.</summary>
    private static void ShouldBeRefusedByTheScriptsMode(RunnerResult result, DeliveryRepo repo, string source)
    {
        result.ShouldExitWith(3);
        result.ShouldShowNoStackTrace();
        Assert.Equal(
            $"{source} asks for continuous deployment, but the script requires continuous delivery and does not allow it to be weakened; approve the release with --approve, or let the script allow it with ReleasePolicy.AllowModeOverride()",
            Rule(result, "release-mode").Detail);
        Assert.False(Rule(result, "release-mode").Passed);
        Assert.False(Rule(result, "approval").Passed, "The weaker mode was applied: approval was not needed.");
        result.OutputShouldContain("to production (continuous delivery):");
        result.OutputShouldContain("Refused: release-mode, approval (rules of production; the verdicts are above).");

        var last = Records(repo, "production")[^1];
        Assert.Equal(("refusal", "continuous-delivery"), (Text(last, "kind"), Text(last, "mode")));
        var failed = last.GetProperty("rules").EnumerateArray().Where(r => !r.GetProperty("passed").GetBoolean()).Select(r => r.GetProperty("name").GetString());
        Assert.Equal(["release-mode", "approval"], failed);
    }
}
