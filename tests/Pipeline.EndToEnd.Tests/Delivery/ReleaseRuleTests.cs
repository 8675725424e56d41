namespace Pipeline.EndToEnd.Tests.Delivery;

/// <summary>
/// Each release rule refusing on its own: exit code 3, the rule's FAIL line with what it found, the refusal naming
/// the rule, no stack trace, a refusal in the ledger, and nothing in production. Where cheap, the same repository
/// then shows the rule letting a release through once its condition holds, so a rule that always refuses fails too.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class ReleaseRuleTests
{
    /// <summary>A freeze window around the moment the script runs (computed at run time, so the script's text stays the same).</summary>
    internal const string FreezeAroundNow =
        """.Freeze(FreezeWindow.Between("now", DateTime.UtcNow.AddHours(-1).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), DateTime.UtcNow.AddHours(1).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), "UTC"))""";

    [Fact]
    public async Task Release_without_approval_is_refused_with_exit_code_3_naming_the_approve_command()
    {
        using var repo = await DeliveryRepo.CreateAsync(packed: false);

        var result = await repo.RunAsync("Release");

        ReleaseTestKit.ShouldBeRefusedBy(result, repo, "approval");
        Assert.Contains("no approval for ", ReleaseTestKit.Rule(result, "approval").Detail, StringComparison.Ordinal);
        result.OutputShouldContain("Refused: approval (rule of production; the verdicts are above). To approve: ./build.sh Release --approve --comment \"why\"");
    }

    /// <summary>
    /// Across runs, on the real clock: the approving run judges its approval at the moment it gives it, and any later
    /// run finds it expired. The boundary itself is pinned with a fake clock in the unit tests of the judgement.
    /// </summary>
    [Fact]
    public async Task Approval_older_than_its_validity_no_longer_counts()
    {
        // The approval is recorded by a release the freeze refuses; the next one overrides the freeze, so only time differs.
        using var repo = await DeliveryRepo.CreateAsync(policy: $"new ReleasePolicy().ApprovalValidFor(TimeSpan.FromMilliseconds(1)).BreakGlassBy(\"{DeliveryRepo.Approver}\")" + FreezeAroundNow, packed: false);
        (await repo.RunAsync("PublishQa")).ShouldExitWith(0);

        var approving = await repo.RunAsync(DeliveryRepo.As(DeliveryRepo.Approver), "Release", "--approve");
        ReleaseTestKit.ShouldBeRefusedBy(approving, repo, "freeze-window");
        Assert.StartsWith($"approved by {DeliveryRepo.Approver} at ", ReleaseTestKit.Rule(approving, "approval").Detail, StringComparison.Ordinal);

        var later = await repo.RunAsync(DeliveryRepo.As(DeliveryRepo.Approver), "Release", "--override-freeze", "INC-1 approval test");

        ReleaseTestKit.ShouldBeRefusedBy(later, repo, "approval");
        var detail = ReleaseTestKit.Rule(later, "approval").Detail;
        Assert.Contains($"the approval by {DeliveryRepo.Approver} at ", detail, StringComparison.Ordinal);
        Assert.Contains("expired after 00:00:00.0010000; approve again with --approve", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Author_approving_their_own_commit_is_refused_and_another_persons_approval_releases_it()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ApproverMustNotBeAuthor()", packed: false);

        var own = await repo.RunAsync(DeliveryRepo.As(DeliveryRepo.Author), "Release", "--approve");

        ReleaseTestKit.ShouldBeRefusedBy(own, repo, "approver-not-author");
        var commit = (await repo.GitAsync("rev-parse", "HEAD"))[..12];
        var released = $"the candidate commit {commit} (no earlier release to production)";
        Assert.Equal(
            $"{DeliveryRepo.Author} wrote {released} and cannot approve it; another person must run --approve",
            ReleaseTestKit.Rule(own, "approver-not-author").Detail);
        own.OutputShouldContain("To approve: ./build.sh Release --approve");

        var other = await repo.RunAsync(DeliveryRepo.As(DeliveryRepo.Approver), "Release", "--approve");

        ReleaseTestKit.ShouldBeReleased(other, repo);
        Assert.Equal(
            $"approved by {DeliveryRepo.Approver}; the authors of {released}: {DeliveryRepo.Author}",
            ReleaseTestKit.Rule(other, "approver-not-author").Detail);
    }

    [Fact]
    public async Task Release_from_a_branch_the_policy_does_not_allow_is_refused_by_allowed_ref()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment().AllowRefs(\"main\")", packed: false);
        await repo.GitAsync("checkout", "--quiet", "-b", "feature/x");

        var fromFeature = await repo.RunAsync("Release");

        ReleaseTestKit.ShouldBeRefusedBy(fromFeature, repo, "allowed-ref");
        Assert.Equal("refs/heads/feature/x is not one of main", ReleaseTestKit.Rule(fromFeature, "allowed-ref").Detail);

        // The same commit from main: the candidate that passed QA goes out without a rebuild.
        await repo.GitAsync("checkout", "--quiet", "main");
        var fromMain = await repo.RunAsync("Release");

        ReleaseTestKit.ShouldBeReleased(fromMain, repo);
        Assert.Equal("skipped", fromMain.OutcomeOf("Package"));
        Assert.Equal("refs/heads/main matches main", ReleaseTestKit.Rule(fromMain, "allowed-ref").Detail);
    }

    [Fact]
    public async Task Uncommitted_change_to_a_tracked_file_is_refused_by_clean_tree()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment().RequireCleanWorkingTree()", packed: false);
        (await repo.RunAsync("PublishQa")).ShouldExitWith(0);
        var source = repo.Repository.Path("src/App/Greeting.cs");
        File.AppendAllText(source, "// work in progress\n");

        var dirty = await repo.RunAsync("Release");

        ReleaseTestKit.ShouldBeRefusedBy(dirty, repo, "clean-tree");
        Assert.Equal("the working tree has uncommitted changes (git status)", ReleaseTestKit.Rule(dirty, "clean-tree").Detail);

        await repo.GitAsync("checkout", "--", "src/App/Greeting.cs");
        var clean = await repo.RunAsync("Release");

        ReleaseTestKit.ShouldBeReleased(clean, repo);
    }

    [Fact]
    public async Task Candidate_whose_qa_check_failed_is_refused_by_passed_qa()
    {
        using var repo = await DeliveryRepo.CreateAsync(
            policy: "new ReleasePolicy().ContinuousDeployment()",
            extra: """qa.Check("gate", (d, ct) => File.Exists(Root / "fail-qa") ? throw new InvalidOperationException("qa gate closed") : Task.CompletedTask);""", packed: false);
        File.WriteAllText(repo.Repository.Path("fail-qa"), string.Empty);
        var publish = await repo.RunAsync("PublishQa");
        publish.ShouldExitWith(1);
        var qa = Assert.Single(ReleaseTestKit.Records(repo, "qa"), r => r.GetProperty("kind").GetString() == "qa");
        Assert.Equal("failed", qa.GetProperty("outcome").GetString());
        var version = qa.GetProperty("version").GetString()!;

        var result = await repo.RunAsync("Release", "--candidate", version);

        ReleaseTestKit.ShouldBeRefusedBy(result, repo, "passed-qa");
        Assert.StartsWith("the last checks in qa failed (gate) at ", ReleaseTestKit.Rule(result, "passed-qa").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pre_release_version_is_refused_by_stable_version()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment().RequireStableVersion()", packed: false);

        var untagged = await repo.RunAsync("Release");

        ReleaseTestKit.ShouldBeRefusedBy(untagged, repo, "stable-version");
        Assert.Matches(
            @"^0\.0\.0-alpha\.0\.\d+ is a pre-release version; tag the commit with a release version \(git tag 1\.2\.0\)$",
            ReleaseTestKit.Rule(untagged, "stable-version").Detail);
        Assert.False(repo.Repository.Exists("artifacts/environments/production"), "The refused version reached production.");
    }

    [Fact]
    public async Task Tagging_the_refused_commit_as_stable_version_advises_releases_the_tagged_version()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment().RequireStableVersion()", packed: false);
        ReleaseTestKit.ShouldBeRefusedBy(await repo.RunAsync("Release"), repo, "stable-version");

        // What the refusal says to do: tag the commit, release again. The commit is the same, its version is not.
        await repo.GitAsync("tag", "1.0.0");
        var tagged = await repo.RunAsync("Release");

        ReleaseTestKit.ShouldBeReleased(tagged, repo);
        Assert.Equal("1.0.0 is a stable version", ReleaseTestKit.Rule(tagged, "stable-version").Detail);
        Assert.True(repo.Repository.Exists("artifacts/environments/production/1.0.0"), "1.0.0 is not in production.");
    }

    [Fact]
    public async Task Candidate_below_the_last_release_is_refused_by_no_downgrade()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment()", packed: false);
        await repo.GitAsync("tag", "1.0.0");
        (await repo.RunAsync("PublishQa")).ShouldExitWith(0);
        File.AppendAllText(repo.Repository.Path("src/App/Greeting.cs"), "// 1.1.0\n");
        await repo.CommitAllAsync("Next version");
        await repo.GitAsync("tag", "1.1.0");
        ReleaseTestKit.ShouldBeReleased(await repo.RunAsync("Release"), repo);

        var result = await repo.RunAsync("Release", "--candidate", "1.0.0");

        ReleaseTestKit.ShouldBeRefusedBy(result, repo, "no-downgrade");
        Assert.Matches(
            @"^1\.0\.0 is below 1\.1\.0, released \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC; to go back use --rollback-to 1\.0\.0$",
            ReleaseTestKit.Rule(result, "no-downgrade").Detail);
        Assert.False(repo.Repository.Exists("artifacts/environments/production/1.0.0"), "The refused version reached production.");
    }

    [Fact]
    public async Task Release_inside_a_freeze_window_is_refused_until_overridden_with_a_reason_the_ledger_keeps()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment().BreakGlassBy(\"oncall@example.com\")" + FreezeAroundNow, packed: false);

        var frozen = await repo.RunAsync("Release");

        ReleaseTestKit.ShouldBeRefusedBy(frozen, repo, "freeze-window");
        Assert.Matches(
            @"^inside now \(\d{4}-\d\d-\d\d \d\d:\d\d to \d{4}-\d\d-\d\d \d\d:\d\d UTC\); to release anyway give --override-freeze ""reason""$",
            ReleaseTestKit.Rule(frozen, "freeze-window").Detail);

        var overridden = await repo.RunAsync(DeliveryRepo.As("oncall@example.com"), "Release", "--override-freeze", "INC-7 hotfix");

        ReleaseTestKit.ShouldBeReleased(overridden, repo);
        Assert.EndsWith(", overridden by oncall@example.com: INC-7 hotfix", ReleaseTestKit.Rule(overridden, "freeze-window").Detail, StringComparison.Ordinal);
        var release = ReleaseTestKit.Records(repo, "production").Last();
        Assert.Equal("release", release.GetProperty("kind").GetString());
        Assert.Equal("INC-7 hotfix", release.GetProperty("overrideReason").GetString());
    }

    /// <summary>The reason is what the ledger keeps, so a missing one is a usage error, never the next option's name.</summary>
    [Theory]
    [InlineData("Release", "--override-freeze")]
    [InlineData("Release", "--override-freeze", "")]
    [InlineData("Release", "--override-freeze", "--approve")]
    public async Task Override_freeze_without_a_reason_is_a_usage_error_that_releases_nothing(params string[] arguments)
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment()" + FreezeAroundNow, packed: false);

        var result = await repo.RunAsync(arguments);

        result.ShouldExitWith(2);
        result.ErrorShouldContain("--override-freeze");
        result.ShouldShowNoStackTrace();
        result.ShouldHaveRunNoTarget();
        Assert.Empty(repo.LedgerLines("production"));
        Assert.False(repo.Repository.Exists("artifacts/packages"), "Something was packaged.");
    }
}
