using Microsoft.Extensions.Time.Testing;
using Pipeline.Delivery;
using Pipeline.Delivery.Identities;
using Pipeline.Delivery.Records;
using Pipeline.Delivery.Rules;
using Pipeline.Hosts;
using static Pipeline.Tests.Delivery.VerdictAssertions;

namespace Pipeline.Tests.Delivery;

public sealed class ReleaseRuleTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 16, 40, 0, TimeSpan.Zero);
    private static readonly string OtherDigest = "sha256:" + new string('b', 64);
    private static readonly Approver OnCall = new("oncall@example.com", "git config user.email");
    private const string FirstCommitOnly = "the candidate commit 0123abcd (no earlier release to production)";
    private static readonly BuildIdentity OnMain = new() { Host = "local", Ref = "refs/heads/main", Branch = "main", Commit = "0123abcd" };
    private readonly TempDirectory _temp = new();
    private readonly DeliveryEnvironment _production;
    private readonly DeliveryEnvironment _qa;

    public ReleaseRuleTests()
    {
        _production = new DeliveryEnvironment("production", EnvironmentKind.Production, AbsolutePath.From(_temp.Combine("production")));
        _qa = new DeliveryEnvironment("qa", EnvironmentKind.Qa, AbsolutePath.From(_temp.Combine("qa")));
    }

    public void Dispose() => _temp.Dispose();

    // ---- facts ----

    /// <summary>A real candidate: one file and its manifest in a folder of its own.</summary>
    private Deployment Candidate(string version = "1.2.0", bool dirty = false)
    {
        var folder = _temp.Combine("candidate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"App.{version}.nupkg"), "package bytes of " + version);
        var manifest = ReleaseManifest.Create(folder, version, OnMain, dirty, Now.AddHours(-1));
        manifest.WriteTo(folder);
        return new Deployment("production", manifest, manifest.Digest, AbsolutePath.From(folder));
    }

    private ReleaseFacts Facts(Deployment candidate, ReleasePolicy? policy = null, ReleaseMode mode = ReleaseMode.Delivery) => new()
    {
        Candidate = candidate,
        Environment = _production,
        Policy = policy ?? new ReleasePolicy(),
        Mode = mode,
        Identity = OnMain,
        Now = Now,
        QaEnvironment = _qa,
        ReleasedCommits = new(["author@example.com"], FirstCommitOnly),
    };

    private static LedgerRecord Entry(LedgerRecordKind kind, LedgerOutcome outcome, string version, string digest, DateTimeOffset time, string who = "approver@example.com") => new()
    {
        Kind = kind,
        Environment = "production",
        Time = time,
        Who = who,
        WhoSource = "git config user.email",
        Version = version,
        Digest = digest,
        Host = "local",
        Outcome = outcome,
    };

    private static LedgerRecord Approval(Deployment candidate, DateTimeOffset time, string who = "approver@example.com") =>
        Entry(LedgerRecordKind.Approval, LedgerOutcome.Recorded, candidate.Version, candidate.Digest, time, who);

    private static LedgerRecord Release(string version, string digest, DateTimeOffset time, LedgerOutcome outcome = LedgerOutcome.Published) =>
        Entry(LedgerRecordKind.Release, outcome, version, digest, time);

    private static LedgerRecord Qa(Deployment candidate, LedgerOutcome outcome, DateTimeOffset time, IReadOnlyDictionary<string, StageResult>? stages = null, params CheckVerdict[] checks) =>
        Entry(LedgerRecordKind.Qa, outcome, candidate.Version, candidate.Digest, time) with
        {
            Environment = "qa",
            Checks = checks,
            Stages = stages ?? Stages(("Compile", "Succeeded"), ("Test", "Succeeded"), ("Package", "Succeeded")),
        };

    /// <summary>Stage outcomes as the ledger writes them, read the way a ledger is read.</summary>
    private static Dictionary<string, StageResult> Stages(params (string Stage, string Text)[] stages) =>
        stages.ToDictionary(s => s.Stage, s => StageResult.Parse(s.Text));

    // ---- which rules are judged ----

    [Fact]
    public void The_default_policy_judges_integrity_approval_qa_evidence_downgrade_and_the_lock_in_order()
    {
        var verdicts = ReleaseRules.Judge(Facts(Candidate()));

        Assert.Equal(["intact", "approval", "passed-qa", "no-downgrade", "one-at-a-time"], verdicts.Select(v => v.Name));
    }

    [Fact]
    public void Every_rule_the_policy_asks_for_is_judged_in_the_documented_order()
    {
        var policy = new ReleasePolicy()
            .ApproverMustNotBeAuthor()
            .AllowRefs("main")
            .RequireCleanWorkingTree()
            .RequireStableVersion()
            .Freeze(FreezeWindow.Between("year end", "2026-12-20 00:00", "2027-01-02 00:00", "UTC"));

        var verdicts = ReleaseRules.Judge(Facts(Candidate(), policy));

        Assert.Equal(
            ["intact", "approval", "approver-not-author", "allowed-ref", "clean-tree", "passed-qa", "stable-version", "no-downgrade", "freeze-window", "one-at-a-time"],
            verdicts.Select(v => v.Name));
    }

    [Fact]
    public void Rules_the_policy_waives_are_not_judged()
    {
        var policy = new ReleasePolicy().WithoutQaEvidence().AllowDowngrade();

        var verdicts = ReleaseRules.Judge(Facts(Candidate(), policy));

        Assert.Equal(["intact", "approval", "one-at-a-time"], verdicts.Select(v => v.Name));
    }

    // ---- intact ----

    [Fact]
    public void Intact_passes_naming_the_file_count_and_digest_and_fails_with_every_problem()
    {
        var candidate = Candidate();

        AssertPass(Verdict(Facts(candidate), "intact"), $"1 files match {candidate.Digest}");
        AssertFail(
            Verdict(Facts(candidate) with { IntegrityProblems = ["missing: App.1.2.0.nupkg", "extra: x.dll (not in the manifest)"] }, "intact"),
            "missing: App.1.2.0.nupkg; extra: x.dll (not in the manifest)");
    }

    // ---- approval ----

    [Fact]
    public void An_approval_of_this_digest_passes_naming_who_and_when()
    {
        var candidate = Candidate();
        var facts = Facts(candidate) with { History = [Approval(candidate, Now.AddMinutes(-5))] };

        AssertPass(Verdict(facts, "approval"), "approved by approver@example.com at 2026-11-23 16:35:00 UTC");
    }

    [Fact]
    public void The_approval_given_on_this_command_line_counts()
    {
        var candidate = Candidate();
        var facts = Facts(candidate) with { NewApproval = Approval(candidate, Now, who: "now@example.com") };

        AssertPass(Verdict(facts, "approval"), "approved by now@example.com at 2026-11-23 16:40:00 UTC");
    }

    [Fact]
    public void Without_any_approval_the_release_is_refused_pointing_at_approve()
    {
        var candidate = Candidate();

        AssertFail(Verdict(Facts(candidate), "approval"), $"no approval for 1.2.0 {candidate.Digest}; approve with --approve");
    }

    [Fact]
    public void An_expired_approval_is_refused_saying_when_it_was_given_and_how_long_it_lasts()
    {
        var candidate = Candidate();
        var facts = Facts(candidate, new ReleasePolicy().ApprovalValidFor(TimeSpan.FromHours(1))) with
        {
            History = [Approval(candidate, Now.AddHours(-2))],
        };

        AssertFail(
            Verdict(facts, "approval"),
            "the approval by approver@example.com at 2026-11-23 14:40:00 UTC expired after 01:00:00; approve again with --approve");
    }

    [Fact]
    public void An_approval_exactly_as_old_as_its_validity_still_counts()
    {
        var candidate = Candidate();
        var facts = Facts(candidate, new ReleasePolicy().ApprovalValidFor(TimeSpan.FromHours(1))) with
        {
            History = [Approval(candidate, Now.AddHours(-1))],
        };

        Assert.True(Verdict(facts, "approval").Passed);
    }

    [Fact]
    public void An_approval_of_another_digest_does_not_count_and_is_named()
    {
        var candidate = Candidate();
        var other = Entry(LedgerRecordKind.Approval, LedgerOutcome.Recorded, "1.1.0", OtherDigest, Now.AddMinutes(-1), who: "carol@example.com");
        var facts = Facts(candidate) with { History = [other] };

        AssertFail(
            Verdict(facts, "approval"),
            $"no approval for 1.2.0 {candidate.Digest} (the last approval, by carol@example.com, was for 1.1.0 {OtherDigest}: another candidate); approve with --approve");
    }

    [Fact]
    public void Continuous_deployment_needs_no_approval()
    {
        AssertPass(Verdict(Facts(Candidate(), mode: ReleaseMode.Deployment), "approval"), "not needed: continuous deployment");
    }

    // ---- approver-not-author ----

    [Fact]
    public void The_author_approving_their_own_commit_is_refused_whatever_the_case_of_the_address()
    {
        var candidate = Candidate();
        var facts = Facts(candidate, new ReleasePolicy().ApproverMustNotBeAuthor()) with
        {
            History = [Approval(candidate, Now.AddMinutes(-1), who: "Author@Example.com")],
        };

        AssertPass(Verdict(facts, "approval"), "approved by Author@Example.com at 2026-11-23 16:39:00 UTC");
        AssertFail(Verdict(facts, "approver-not-author"), $"Author@Example.com wrote {FirstCommitOnly} and cannot approve it; another person must run --approve");
    }

    [Fact]
    public void Another_persons_approval_satisfies_separation_of_duties()
    {
        var candidate = Candidate();
        var facts = Facts(candidate, new ReleasePolicy().ApproverMustNotBeAuthor()) with
        {
            History = [Approval(candidate, Now.AddMinutes(-2), who: "author@example.com"), Approval(candidate, Now.AddMinutes(-1), who: "reviewer@example.com")],
        };

        AssertPass(Verdict(facts, "approver-not-author"), $"approved by reviewer@example.com; the authors of {FirstCommitOnly}: author@example.com");
    }

    [Fact]
    public void Separation_of_duties_fails_without_an_approval_or_without_a_known_author()
    {
        var candidate = Candidate();
        var policy = new ReleasePolicy().ApproverMustNotBeAuthor();

        AssertFail(Verdict(Facts(candidate, policy), "approver-not-author"), $"no approval yet; it must come from someone other than author@example.com, the authors of {FirstCommitOnly}");
        AssertFail(
            Verdict(Facts(candidate, policy) with { ReleasedCommits = null, History = [Approval(candidate, Now)] }, "approver-not-author"),
            "the authors of commit 0123abcd cannot be read from git");
    }

    [Fact]
    public void Separation_of_duties_is_not_judged_in_continuous_deployment_or_unless_asked_for()
    {
        var candidate = Candidate();

        Assert.DoesNotContain(ReleaseRules.Judge(Facts(candidate, new ReleasePolicy().ApproverMustNotBeAuthor(), ReleaseMode.Deployment)), v => v.Name == "approver-not-author");
        Assert.DoesNotContain(ReleaseRules.Judge(Facts(candidate)), v => v.Name == "approver-not-author");
    }

    [Theory]
    [InlineData("12345+octocat@users.noreply.github.com")]
    [InlineData("octocat@users.noreply.github.com")]
    public void A_GitHub_login_approving_a_commit_its_noreply_address_wrote_is_refused(string authorAddress)
    {
        var candidate = Candidate();
        var facts = Facts(candidate, new ReleasePolicy().ApproverMustNotBeAuthor()) with
        {
            ReleasedCommits = new([authorAddress], FirstCommitOnly),
            History = [Approval(candidate, Now.AddMinutes(-1), who: "octocat")],
        };

        AssertFail(Verdict(facts, "approver-not-author"), $"octocat wrote {FirstCommitOnly} (as {authorAddress}) and cannot approve it; another person must run --approve");
    }

    [Fact]
    public void An_approver_the_alias_file_names_as_the_author_is_refused()
    {
        var candidate = Candidate();
        var people = IdentityAliases.Parse(["# people with several identities", "author@example.com: alice, alice@corp.example"], "build/identities");
        var facts = Facts(candidate, new ReleasePolicy().ApproverMustNotBeAuthor()) with
        {
            People = people,
            History = [Approval(candidate, Now.AddMinutes(-1), who: "alice@corp.example")],
        };

        AssertFail(Verdict(facts, "approver-not-author"), $"alice@corp.example wrote {FirstCommitOnly} (as author@example.com) and cannot approve it; another person must run --approve");
        Assert.True(Verdict(facts with { People = People.WithoutAliases }, "approver-not-author").Passed);
    }

    [Fact]
    public void The_person_who_started_the_run_on_a_CI_host_cannot_approve_what_it_releases()
    {
        var candidate = Candidate();
        var facts = Facts(candidate, new ReleasePolicy().ApproverMustNotBeAuthor()) with
        {
            TriggeredBy = [new Approver("release-manager", "GITHUB_ACTOR")],
            History = [Approval(candidate, Now, who: "release-manager")],
        };

        AssertFail(
            Verdict(facts, "approver-not-author"),
            "release-manager started this run (GITHUB_ACTOR=release-manager) and cannot approve what it releases; another person must run --approve");
        AssertPass(
            Verdict(facts with { History = [Approval(candidate, Now, who: "reviewer@example.com")] }, "approver-not-author"),
            $"approved by reviewer@example.com; the authors of {FirstCommitOnly}: author@example.com; started by release-manager (GITHUB_ACTOR)");
    }

    [Fact]
    public void An_author_of_any_commit_since_the_last_release_cannot_approve_not_only_the_candidate_commits()
    {
        var candidate = Candidate();
        const string Since = "the commits since production's last release 1.1.0 (aaaa..0123abcd)";
        var facts = Facts(candidate, new ReleasePolicy().ApproverMustNotBeAuthor()) with
        {
            ReleasedCommits = new(["author@example.com", "bob@example.com"], Since),
            History = [Approval(candidate, Now, who: "bob@example.com")],
        };

        AssertFail(Verdict(facts, "approver-not-author"), $"bob@example.com wrote {Since} and cannot approve it; another person must run --approve");
    }

    // ---- how many approvals count ----

    [Fact]
    public void Minimum_approvals_counts_people_so_one_persons_two_identities_are_one_approval()
    {
        var candidate = Candidate();
        var policy = new ReleasePolicy().MinimumApprovals(2);
        var facts = Facts(candidate, policy) with
        {
            History = [Approval(candidate, Now.AddMinutes(-2), who: "octocat"), Approval(candidate, Now.AddMinutes(-1), who: "1+octocat@users.noreply.github.com")],
        };

        AssertFail(Verdict(facts, "approval"), "1 of the 2 approvals needed, by 1+octocat@users.noreply.github.com; another person must approve with --approve");

        var second = facts with { NewApproval = Approval(candidate, Now, who: "reviewer@example.com") };
        AssertPass(
            Verdict(second, "approval"),
            "approved by reviewer@example.com at 2026-11-23 16:40:00 UTC, 1+octocat@users.noreply.github.com at 2026-11-23 16:39:00 UTC (2 people, 2 needed)");
    }

    [Fact]
    public void Minimum_approvals_with_separation_of_duties_counts_only_independent_people()
    {
        var candidate = Candidate();
        var facts = Facts(candidate, new ReleasePolicy().MinimumApprovals(2).ApproverMustNotBeAuthor()) with
        {
            History = [Approval(candidate, Now.AddMinutes(-2), who: "author@example.com"), Approval(candidate, Now.AddMinutes(-1), who: "reviewer@example.com")],
        };

        Assert.True(Verdict(facts, "approval").Passed);
        AssertFail(
            Verdict(facts, "approver-not-author"),
            $"author@example.com wrote {FirstCommitOnly} and cannot approve it (1 independent of the 2 needed); another person must run --approve");
    }

    [Fact]
    public void A_delivery_spends_the_approvals_that_allowed_it_so_delivering_the_digest_again_needs_a_new_one()
    {
        var candidate = Candidate();
        var released = Release(candidate.Version, candidate.Digest, Now.AddMinutes(-5));
        var facts = Facts(candidate) with { History = [Approval(candidate, Now.AddMinutes(-10)), released] };

        AssertFail(
            Verdict(facts, "approval"),
            "the approval by approver@example.com at 2026-11-23 16:30:00 UTC was spent by the release of this digest at 2026-11-23 16:35:00 UTC (each delivery needs its own); approve again with --approve");
        Assert.True(Verdict(facts with { NewApproval = Approval(candidate, Now) }, "approval").Passed);
    }

    [Fact]
    public void An_approval_whose_signature_does_not_verify_does_not_count_and_says_why()
    {
        var candidate = Candidate();
        var forged = Approval(candidate, Now.AddMinutes(-1), who: "alice@example.com");
        var facts = Facts(candidate) with
        {
            History = [forged],
            Signatures = new Dictionary<LedgerRecord, SignatureCheck> { [forged] = new(false, "its signature does not verify as alice@example.com's (ssh-keygen -Y verify exit code 255: Could not verify signature.)") },
        };

        AssertFail(
            Verdict(facts, "approval"),
            "the approval by alice@example.com at 2026-11-23 16:39:00 UTC does not count: its signature does not verify as alice@example.com's (ssh-keygen -Y verify exit code 255: Could not verify signature.); approve again with --approve");
        Assert.True(Verdict(facts with { Signatures = new Dictionary<LedgerRecord, SignatureCheck> { [forged] = new(true, "verified") } }, "approval").Passed);
    }

    // ---- allowed-ref ----

    [Theory]
    [InlineData("refs/heads/main", "main", null, "main", "refs/heads/main matches main")]
    [InlineData("refs/heads/release/1.2", "release/1.2", null, "release/*", "refs/heads/release/1.2 matches release/*")]
    [InlineData("refs/tags/v1.2.0", null, "v1.2.0", "refs/tags/v*", "refs/tags/v1.2.0 matches refs/tags/v*")]
    [InlineData("refs/tags/v1.2.0", null, "v1.2.0", "v*", "refs/tags/v1.2.0 matches v*")]
    public void A_build_of_an_allowed_branch_or_tag_passes(string gitRef, string? branch, string? tag, string pattern, string detail)
    {
        var identity = new BuildIdentity { Host = "github-actions", Ref = gitRef, Branch = branch, Tag = tag };
        var facts = Facts(Candidate(), new ReleasePolicy().AllowRefs("feature/*", pattern)) with { Identity = identity };

        // The detail names the pattern that matched, not merely the first one listed.
        AssertPass(Verdict(facts, "allowed-ref"), detail);
    }

    [Theory]
    [InlineData("refs/heads/feature/login", "feature/login", null, "refs/heads/feature/login is not one of main, release/*, refs/tags/v*")]
    [InlineData("refs/tags/1.2.0", null, "1.2.0", "refs/tags/1.2.0 is not one of main, release/*, refs/tags/v*")]
    [InlineData(null, null, null, "(no branch: detached HEAD) is not one of main, release/*, refs/tags/v*")]
    public void A_build_of_any_other_ref_is_refused_listing_the_allowed_patterns(string? gitRef, string? branch, string? tag, string detail)
    {
        var identity = new BuildIdentity { Host = "local", Ref = gitRef, Branch = branch, Tag = tag };
        var facts = Facts(Candidate(), new ReleasePolicy().AllowRefs("main", "release/*", "refs/tags/v*")) with { Identity = identity };

        AssertFail(Verdict(facts, "allowed-ref"), detail);
    }

    [Fact]
    public void A_pattern_for_a_full_ref_does_not_match_a_branch_name_and_vice_versa()
    {
        // A branch called "main" must not pass "refs/heads/release/*", nor a ref pass a bare "refs/heads/main" written as a name.
        var identity = new BuildIdentity { Host = "local", Ref = "refs/heads/main", Branch = "main" };

        Assert.False(Verdict(Facts(Candidate(), new ReleasePolicy().AllowRefs("refs/heads/release/*")) with { Identity = identity }, "allowed-ref").Passed);
        Assert.True(Verdict(Facts(Candidate(), new ReleasePolicy().AllowRefs("refs/heads/main")) with { Identity = identity }, "allowed-ref").Passed);
        Assert.False(Verdict(Facts(Candidate(), new ReleasePolicy().AllowRefs("heads/main")) with { Identity = identity }, "allowed-ref").Passed);
    }

    [Fact]
    public void A_pull_request_build_never_qualifies_even_from_an_allowed_branch()
    {
        var identity = new BuildIdentity
        {
            Host = "github-actions",
            Ref = "refs/pull/42/merge",
            Branch = "main",
            PullRequest = new PullRequest("42", "main", "main"),
        };
        var facts = Facts(Candidate(), new ReleasePolicy().AllowRefs("main", "refs/pull/*")) with { Identity = identity };

        AssertFail(Verdict(facts, "allowed-ref"), "pull request 42 is not one of main, refs/pull/*");
    }

    [Fact]
    public void Ref_patterns_are_not_judged_for_a_rollback()
    {
        var feature = new BuildIdentity { Host = "local", Ref = "refs/heads/feature/x", Branch = "feature/x" };

        Assert.DoesNotContain(
            ReleaseRules.Judge(Facts(Candidate(), new ReleasePolicy().AllowRefs("main")) with { Identity = feature, IsRollback = true }),
            v => v.Name == "allowed-ref");
    }

    // ---- clean-tree ----

    [Fact]
    public void A_candidate_built_from_a_dirty_tree_is_refused_even_when_the_tree_is_clean_now()
    {
        var facts = Facts(Candidate(dirty: true), new ReleasePolicy().RequireCleanWorkingTree());

        AssertFail(Verdict(facts, "clean-tree"), "1.2.0 was built from a dirty working tree");
    }

    [Fact]
    public void Releasing_from_a_dirty_tree_is_refused_and_clean_passes()
    {
        var policy = new ReleasePolicy().RequireCleanWorkingTree();

        AssertFail(Verdict(Facts(Candidate(), policy) with { WorkingTreeDirty = true }, "clean-tree"), "the working tree has uncommitted changes (git status)");
        AssertPass(Verdict(Facts(Candidate(), policy), "clean-tree"), "built and released from a clean working tree");
    }

    [Fact]
    public void The_tree_is_not_judged_unless_asked_for_nor_for_a_rollback()
    {
        Assert.DoesNotContain(ReleaseRules.Judge(Facts(Candidate(dirty: true)) with { WorkingTreeDirty = true }), v => v.Name == "clean-tree");
        Assert.DoesNotContain(
            ReleaseRules.Judge(Facts(Candidate(dirty: true), new ReleasePolicy().RequireCleanWorkingTree()) with { IsRollback = true }),
            v => v.Name == "clean-tree");
    }

    // ---- passed-qa ----

    [Fact]
    public void A_candidate_without_qa_evidence_is_refused()
    {
        var candidate = Candidate();
        var otherCandidate = Candidate("1.1.0");

        // Evidence for other bytes is no evidence for these.
        var facts = Facts(candidate) with { QaHistory = [Qa(otherCandidate, LedgerOutcome.Passed, Now.AddHours(-1))] };

        AssertFail(Verdict(facts, "passed-qa"), $"1.2.0 {candidate.Digest} has no QA evidence in qa; deploy it there and let its checks pass first");
    }

    [Fact]
    public void Passed_checks_pass_naming_the_environment_time_and_checks()
    {
        var candidate = Candidate();
        var facts = Facts(candidate) with
        {
            QaHistory = [Qa(candidate, LedgerOutcome.Passed, Now.AddHours(-1), null, new CheckVerdict("smoke", true, "passed"), new CheckVerdict("api", true, "passed"))],
        };

        AssertPass(Verdict(facts, "passed-qa"), "checks passed in qa at 2026-11-23 15:40:00 UTC (smoke, api)");
    }

    [Fact]
    public void Failed_checks_are_refused_naming_the_failed_ones()
    {
        var candidate = Candidate();
        var facts = Facts(candidate) with
        {
            QaHistory = [Qa(candidate, LedgerOutcome.Failed, Now.AddHours(-1), null, new CheckVerdict("smoke", true, "passed"), new CheckVerdict("api", false, "HTTP 500"))],
        };

        AssertFail(Verdict(facts, "passed-qa"), "the last checks in qa failed (api) at 2026-11-23 15:40:00 UTC");
    }

    [Fact]
    public void The_latest_evidence_counts_so_a_later_failure_undoes_an_earlier_pass()
    {
        var candidate = Candidate();
        var facts = Facts(candidate) with
        {
            QaHistory =
            [
                Qa(candidate, LedgerOutcome.Failed, Now.AddMinutes(-10), null, new CheckVerdict("smoke", false, "timeout")),
                Qa(candidate, LedgerOutcome.Passed, Now.AddHours(-2), null, new CheckVerdict("smoke", true, "passed")),
            ],
        };

        Assert.False(Verdict(facts, "passed-qa").Passed);
    }

    [Fact]
    public void A_candidate_whose_tests_were_skipped_with_skip_is_refused()
    {
        var candidate = Candidate();
        var stages = Stages(("Compile", "Succeeded"), ("Test", "Skipped (--skip)"), ("Package", "Succeeded"));
        var facts = Facts(candidate) with { QaHistory = [Qa(candidate, LedgerOutcome.Passed, Now.AddHours(-1), stages, new CheckVerdict("smoke", true, "passed"))] };

        AssertFail(Verdict(facts, "passed-qa"), "in the run that made it: Test Skipped (--skip); build a candidate again without skipping or failing them");
    }

    [Fact]
    public void A_stage_that_failed_with_failure_allowed_is_refused()
    {
        var candidate = Candidate();
        var stages = Stages(("Test", "Failed (failure allowed)"));
        var facts = Facts(candidate) with { QaHistory = [Qa(candidate, LedgerOutcome.Passed, Now.AddHours(-1), stages)] };

        AssertFail(Verdict(facts, "passed-qa"), "in the run that made it: Test Failed (failure allowed); build a candidate again without skipping or failing them");
    }

    [Fact]
    public void A_stage_skipped_by_its_own_condition_counts_as_succeeded()
    {
        // Publication records a stage skipped by OnlyWhen (not by --skip) as "Succeeded (skipped: <reason>)":
        // only --skip and allowed failures weaken the evidence (README: passed-qa).
        var candidate = Candidate();
        var stages = Stages(("Test", "Succeeded"), ("Lint", "Succeeded (skipped: only on CI)"));
        var facts = Facts(candidate) with { QaHistory = [Qa(candidate, LedgerOutcome.Passed, Now.AddHours(-1), stages)] };

        Assert.True(Verdict(facts, "passed-qa").Passed, Verdict(facts, "passed-qa").Detail);
    }

    // ---- stable-version ----

    [Theory]
    [InlineData("1.2.0", true, "1.2.0 is a stable version")]
    [InlineData("1.2.0-alpha.0.3", false, "1.2.0-alpha.0.3 is a pre-release version; tag the commit with a release version (git tag 1.2.0)")]
    public void Only_stable_versions_pass_when_asked_for(string version, bool passes, string detail)
    {
        var verdict = Verdict(Facts(Candidate(version), new ReleasePolicy().RequireStableVersion()), "stable-version");

        Assert.Equal((passes, detail), (verdict.Passed, verdict.Detail));
        Assert.DoesNotContain(ReleaseRules.Judge(Facts(Candidate(version))), v => v.Name == "stable-version");
    }

    // ---- no-downgrade ----

    [Fact]
    public void The_first_release_and_a_higher_version_pass()
    {
        var candidate = Candidate("1.2.0");

        AssertPass(Verdict(Facts(candidate), "no-downgrade"), "first release to production");
        AssertPass(
            Verdict(Facts(candidate) with { History = [Release("1.1.0", OtherDigest, Now.AddDays(-1))] }, "no-downgrade"),
            "1.2.0 is not below 1.1.0, the last release");
    }

    [Fact]
    public void A_version_below_the_last_release_is_refused_pointing_at_rollback()
    {
        var candidate = Candidate("1.1.0");
        var facts = Facts(candidate) with
        {
            History = [Release("1.0.0", OtherDigest, Now.AddDays(-3)), Release("1.2.0", OtherDigest, Now.AddDays(-1), outcome: LedgerOutcome.AlreadyPresent)],
        };

        AssertFail(Verdict(facts, "no-downgrade"), "1.1.0 is below 1.2.0, released 2026-11-22 16:40:00 UTC; to go back use --rollback-to 1.1.0");
    }

    [Fact]
    public void Other_bytes_under_a_released_version_are_refused_but_the_same_bytes_pass()
    {
        var candidate = Candidate("1.2.0");

        AssertFail(
            Verdict(Facts(candidate) with { History = [Release("1.2.0", OtherDigest, Now.AddDays(-1))] }, "no-downgrade"),
            $"1.2.0 was already released as {OtherDigest}; a released version never changes, so release a new version");
        AssertPass(
            Verdict(Facts(candidate) with { History = [Release("1.2.0", candidate.Digest, Now.AddDays(-1))] }, "no-downgrade"),
            "1.2.0 is not below 1.2.0, the last release");
    }

    [Fact]
    public void Refused_and_other_records_do_not_count_as_releases()
    {
        var candidate = Candidate("1.1.0");
        var facts = Facts(candidate) with
        {
            History =
            [
                Entry(LedgerRecordKind.Refusal, LedgerOutcome.Refused, "1.3.0", OtherDigest, Now.AddDays(-1)),
                Entry(LedgerRecordKind.Approval, LedgerOutcome.Recorded, "1.4.0", OtherDigest, Now.AddDays(-1)),
            ],
        };

        AssertPass(Verdict(facts, "no-downgrade"), "first release to production");
    }

    [Fact]
    public void A_rollback_waives_the_downgrade_rule_and_allow_downgrade_drops_it()
    {
        var candidate = Candidate("1.1.0");
        var history = new[] { Release("1.2.0", OtherDigest, Now.AddDays(-1)) };

        AssertPass(Verdict(Facts(candidate) with { History = history, IsRollback = true }, "no-downgrade"), "waived: a rollback");
        Assert.DoesNotContain(ReleaseRules.Judge(Facts(candidate, new ReleasePolicy().AllowDowngrade()) with { History = history }), v => v.Name == "no-downgrade");
    }

    // ---- freeze-window ----

    [Fact]
    public void Inside_a_freeze_window_the_release_is_refused_unless_overridden_with_a_reason()
    {
        var policy = new ReleasePolicy().Freeze(FreezeWindow.Between("launch week", "2026-11-20 00:00", "2026-11-27 00:00", "UTC"));
        const string Window = "launch week (2026-11-20 00:00 to 2026-11-27 00:00 UTC)";

        AssertFail(Verdict(Facts(Candidate(), policy), "freeze-window"), $"inside {Window}; to release anyway give --override-freeze \"reason\"");
        AssertPass(
            Verdict(Facts(Candidate(), policy.BreakGlassBy("oncall@example.com")) with { FreezeOverrideReason = "INC-1234: outage fix", Actor = OnCall }, "freeze-window"),
            $"inside {Window}, overridden by oncall@example.com: INC-1234: outage fix");
    }

    [Fact]
    public void Only_an_identity_the_policy_lists_may_override_a_freeze_and_the_verdict_says_who_may()
    {
        var policy = new ReleasePolicy()
            .Freeze(FreezeWindow.Between("launch week", "2026-11-20 00:00", "2026-11-27 00:00", "UTC"))
            .BreakGlassBy("oncall@example.com", "sre-lead");
        const string Window = "launch week (2026-11-20 00:00 to 2026-11-27 00:00 UTC)";
        var overriding = Facts(Candidate(), policy) with { FreezeOverrideReason = "INC-1: outage" };

        AssertFail(
            Verdict(overriding with { Actor = new Approver("author@example.com", "git config user.email") }, "freeze-window"),
            $"inside {Window}; only oncall@example.com, sre-lead may override it, not author@example.com (git config user.email)");
        AssertPass(
            Verdict(overriding with { Actor = new Approver("42+sre-lead@users.noreply.github.com", "git config user.email") }, "freeze-window"),
            $"inside {Window}, overridden by 42+sre-lead@users.noreply.github.com: INC-1: outage");
    }

    [Fact]
    public void Without_break_glass_identities_nobody_may_override_a_freeze()
    {
        var policy = new ReleasePolicy().Freeze(FreezeWindow.Between("launch week", "2026-11-20 00:00", "2026-11-27 00:00", "UTC"));

        AssertFail(
            Verdict(Facts(Candidate(), policy) with { FreezeOverrideReason = "INC-1: outage", Actor = OnCall }, "freeze-window"),
            "inside launch week (2026-11-20 00:00 to 2026-11-27 00:00 UTC); --override-freeze is only for the identities the policy names in BreakGlassBy(...), and it names none");
    }

    [Fact]
    public void Outside_every_freeze_window_the_release_passes()
    {
        var policy = new ReleasePolicy()
            .Freeze(FreezeWindow.Between("year end", "2026-12-20 00:00", "2027-01-02 00:00", "Europe/Berlin"))
            .Freeze(FreezeWindow.Weekly("weekend", DayOfWeek.Friday, new TimeOnly(16, 0), DayOfWeek.Monday, new TimeOnly(8, 0), "Europe/Berlin"));

        // Now is a Monday afternoon in November.
        AssertPass(Verdict(Facts(Candidate(), policy), "freeze-window"), "outside every freeze window");
        Assert.DoesNotContain(ReleaseRules.Judge(Facts(Candidate())), v => v.Name == "freeze-window");
    }

    // ---- one-at-a-time ----

    [Fact]
    public void A_release_while_another_holds_the_lock_is_refused_naming_the_holder()
    {
        var holder = "process 4242 on ci-7 since 2026-11-23 16:39:00Z, release of 1.1.0 sha256:abc";

        AssertFail(Verdict(Facts(Candidate()) with { LockHeldBy = holder }, "one-at-a-time"), $"another release to production is in progress ({holder})");
        AssertPass(Verdict(Facts(Candidate()), "one-at-a-time"), "no other release to production in progress");
    }

    // ---- the judgement: facts in, verdicts out, on whatever clock the facts were read by ----

    [Fact]
    public void An_approval_counts_for_exactly_its_validity_on_the_clock_and_not_a_tick_longer()
    {
        var clock = new FakeTimeProvider(Now);
        var candidate = Candidate();
        var approval = new RecordStamp(candidate, new Approver("approver@example.com", "git config user.email"), OnMain)
            .Record(LedgerRecordKind.Approval, LedgerOutcome.Recorded, clock.GetUtcNow());
        var policy = new ReleasePolicy().ApprovalValidFor(TimeSpan.FromMinutes(30));
        Judgement JudgedNow() => Judgement.Of(Facts(candidate, policy) with { History = [approval], Now = clock.GetUtcNow() });

        clock.Advance(TimeSpan.FromMinutes(30));
        var atTheLimit = JudgedNow();
        clock.Advance(TimeSpan.FromTicks(1));
        var past = JudgedNow();

        AssertPass(atTheLimit.Verdicts.Single(v => v.Rule == ReleaseRuleKind.Approval), "approved by approver@example.com at 2026-11-23 16:40:00 UTC");
        AssertFail(
            past.Verdicts.Single(v => v.Rule == ReleaseRuleKind.Approval),
            "the approval by approver@example.com at 2026-11-23 16:40:00 UTC expired after 00:30:00; approve again with --approve");
        Assert.True(past.Refused);
    }

    [Fact]
    public void An_approval_given_at_the_moment_of_judging_counts_however_short_its_validity()
    {
        var clock = new FakeTimeProvider(Now);
        var candidate = Candidate();
        var approval = new RecordStamp(candidate, new Approver("now@example.com", "GITHUB_ACTOR"), OnMain)
            .Record(LedgerRecordKind.Approval, LedgerOutcome.Recorded, clock.GetUtcNow());

        var judgement = Judgement.Of(Facts(candidate, new ReleasePolicy().ApprovalValidFor(TimeSpan.FromTicks(1))) with { NewApproval = approval, Now = clock.GetUtcNow() });

        Assert.True(judgement.Verdicts.Single(v => v.Rule == ReleaseRuleKind.Approval).Passed);
    }

    [Fact]
    public void Only_a_freeze_window_actually_overridden_gives_the_reason_for_the_ledger()
    {
        var inside = new ReleasePolicy().Freeze(FreezeWindow.Between("launch week", "2026-11-20 00:00", "2026-11-27 00:00", "UTC"));
        var outside = new ReleasePolicy().Freeze(FreezeWindow.Between("year end", "2026-12-20 00:00", "2027-01-02 00:00", "UTC"));
        var candidate = Candidate();

        var overridden = Judgement.Of(Facts(candidate, inside.BreakGlassBy("oncall@example.com"), ReleaseMode.Deployment) with { FreezeOverrideReason = "INC-7 hotfix", Actor = OnCall });
        var notNeeded = Judgement.Of(Facts(candidate, outside, ReleaseMode.Deployment) with { FreezeOverrideReason = "INC-7 hotfix" });
        var refused = Judgement.Of(Facts(candidate, inside, ReleaseMode.Deployment));

        Assert.Equal("INC-7 hotfix", overridden.OverrideReason);
        Assert.True(overridden.Verdicts.Single(v => v.Rule == ReleaseRuleKind.FreezeWindow).Overridden);
        Assert.Null(notNeeded.OverrideReason);
        Assert.False(notNeeded.Verdicts.Single(v => v.Rule == ReleaseRuleKind.FreezeWindow).Overridden);
        Assert.Null(refused.OverrideReason);
        Assert.True(refused.Refused);
    }

    [Fact]
    public void A_candidate_is_already_delivered_only_when_it_is_what_the_environment_received_last()
    {
        var candidate = Candidate("1.2.0");
        var ours = Release("1.2.0", candidate.Digest, Now.AddDays(-2));
        var later = Release("1.3.0", OtherDigest, Now.AddDays(-1));
        var refusedLater = Entry(LedgerRecordKind.Refusal, LedgerOutcome.Refused, "1.3.0", OtherDigest, Now.AddHours(-1));

        Assert.True(Judgement.Of(Facts(candidate) with { History = [ours, refusedLater] }).AlreadyDelivered);
        Assert.False(Judgement.Of(Facts(candidate) with { History = [ours, later] }).AlreadyDelivered);
        Assert.False(Judgement.Of(Facts(candidate)).AlreadyDelivered);
    }
}
