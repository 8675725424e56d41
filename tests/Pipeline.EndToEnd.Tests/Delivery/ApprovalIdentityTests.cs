using System.Text.Json.Nodes;
using static Pipeline.EndToEnd.Tests.Delivery.ReleaseTestKit;

namespace Pipeline.EndToEnd.Tests.Delivery;

/// <summary>
/// Who approves, as a release engineer would try it: approvals signed with real SSH keys and verified against the
/// repository's allowed-signers file, a GitHub login and its no-reply address taken as one person, the person who
/// started a CI run, the authors of every commit since the last release, approvals spent by the delivery they
/// allowed, and break-glass limited to the identities the policy lists.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class ApprovalIdentityTests
{
    private const string Octocat = "octocat";
    private const string OctocatNoReply = "12345+octocat@users.noreply.github.com";

    [Fact]
    public async Task A_forged_approval_fails_signature_verification_and_only_a_key_in_the_allowed_signers_approves()
    {
        using var keys = new SshKeys();
        var authorKey = await keys.NewAsync("author");
        var reviewerKey = await keys.NewAsync("reviewer");
        var malloryKey = await keys.NewAsync("mallory");
        using var repo = await DeliveryRepo.CreateAsync(policy: """new ReleasePolicy().RequireSignedApprovals("build/allowed-signers").ApproverMustNotBeAuthor()""", packed: false);
        File.WriteAllText(
            repo.Repository.Path("build/allowed-signers"),
            $"{SshKeys.AllowedSigner(DeliveryRepo.Author, authorKey)}\n{SshKeys.AllowedSigner(DeliveryRepo.Approver, reviewerKey)}\n");
        await repo.CommitAllAsync("Approvers' keys");

        // A key nobody listed cannot approve at all: nothing is recorded.
        var stranger = await repo.RunAsync("Release", "--approve", "--signing-key", malloryKey);
        stranger.ShouldExitWith(3);
        stranger.ShouldShowNoStackTrace();
        stranger.OutputShouldContain($"The key {malloryKey} (from --signing-key) is not in build/allowed-signers");
        Assert.Empty(repo.LedgerLines("production"));

        // The author's own signed approval verifies, and is refused as self-approval.
        var own = await repo.RunAsync("Release", "--approve", "--signing-key", authorKey);
        ShouldBeRefusedBy(own, repo, "approver-not-author");
        Assert.StartsWith($"approved by {DeliveryRepo.Author} at ", Rule(own, "approval").Detail, StringComparison.Ordinal);
        var approval = Records(repo, "production").Single(r => Text(r, "kind") == "approval");
        Assert.StartsWith("-----BEGIN SSH SIGNATURE-----", Text(approval, "signature"), StringComparison.Ordinal);
        Assert.Equal($"principal of the SSH key {authorKey} (--signing-key) in build/allowed-signers", Text(approval, "whoSource"));

        // Edited to name the reviewer, the record no longer matches its signature: it does not count.
        ForgeApprover(repo, DeliveryRepo.Approver);
        var forged = await repo.RunAsync("Release");

        forged.ShouldExitWith(3);
        forged.ShouldShowNoStackTrace();
        var refusedApproval = Rule(forged, "approval");
        Assert.False(refusedApproval.Passed, forged.ToString());
        Assert.Matches(
            $@"^the approval by {DeliveryRepo.Approver} at .* UTC does not count: its signature does not verify as {DeliveryRepo.Approver}'s \(ssh-keygen -Y verify exit code 255: .+\); approve again with --approve$",
            refusedApproval.Detail);
        Assert.False(Rule(forged, "approver-not-author").Passed, forged.ToString());

        // The reviewer's own key, named by PIPELINE_SIGNING_KEY, makes an approval that counts.
        var signed = await repo.RunAsync(new Dictionary<string, string?> { ["PIPELINE_SIGNING_KEY"] = reviewerKey }, "Release", "--approve");

        ShouldBeReleased(signed, repo);
        Assert.StartsWith($"approved by {DeliveryRepo.Approver};", Rule(signed, "approver-not-author").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_GitHub_login_cannot_approve_a_commit_its_noreply_address_wrote()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ApproverMustNotBeAuthor()", packed: false);
        await CommitAsAsync(repo, OctocatNoReply);
        var commit = (await repo.GitAsync("rev-parse", "HEAD"))[..12];

        // octocat approves in one run; hubot starts the next, so only the authorship stands between them.
        await repo.RunAsync(OnGitHub(Octocat), "Release", "--approve");
        var result = await repo.RunAsync(OnGitHub("hubot"), "Release");

        ShouldBeRefusedBy(result, repo, "approver-not-author");
        Assert.Equal(
            $"{Octocat} wrote the candidate commit {commit} (no earlier release to production) (as {OctocatNoReply}) and cannot approve it; another person must run --approve",
            Rule(result, "approver-not-author").Detail);
        Assert.Equal(Octocat, Text(Records(repo, "production").Single(r => Text(r, "kind") == "approval"), "who"));
    }

    [Fact]
    public async Task Whoever_started_the_run_on_a_CI_host_cannot_approve_it_even_on_a_laptop_that_claims_to_be_one()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ApproverMustNotBeAuthor()", packed: false);

        var result = await repo.RunAsync(OnGitHub("release-manager"), "Release", "--approve");

        ShouldBeRefusedBy(result, repo, "approver-not-author");
        Assert.Equal(
            "release-manager started this run (GITHUB_ACTOR=release-manager) and cannot approve what it releases; another person must run --approve",
            Rule(result, "approver-not-author").Detail);
    }

    [Fact]
    public async Task The_author_of_any_commit_since_the_last_release_cannot_approve_the_next_release()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ApproverMustNotBeAuthor()", packed: false);
        await repo.GitAsync("tag", "1.0.0");
        ShouldBeReleased(await repo.RunAsync(DeliveryRepo.As(DeliveryRepo.Approver), "Release", "--approve"), repo);
        var released = (await repo.GitAsync("rev-parse", "HEAD"))[..12];

        // Bob writes a commit; the author writes the one on top, which is the candidate's.
        await CommitAsAsync(repo, "bob@example.com");
        File.AppendAllText(repo.Repository.Path("src/App/Greeting.cs"), "// tidied\n");
        await repo.CommitAllAsync("Tidy");
        await repo.GitAsync("tag", "1.1.0");
        var candidate = (await repo.GitAsync("rev-parse", "HEAD"))[..12];

        var result = await repo.RunAsync(DeliveryRepo.As("bob@example.com"), "Release", "--approve");

        ShouldBeRefusedBy(result, repo, "approver-not-author");
        Assert.Equal(
            $"bob@example.com wrote the commits since production's last release 1.0.0 ({released}..{candidate}) and cannot approve it; another person must run --approve",
            Rule(result, "approver-not-author").Detail);
    }

    [Fact]
    public async Task A_rollback_needs_a_new_approval_because_the_release_it_goes_back_to_spent_the_first()
    {
        using var repo = await DeliveryRepo.CreateAsync(packed: false);
        await repo.GitAsync("tag", "1.0.0");
        ShouldBeReleased(await repo.RunAsync(DeliveryRepo.As(DeliveryRepo.Approver), "Release", "--approve"), repo);
        File.AppendAllText(repo.Repository.Path("src/App/Greeting.cs"), "// 1.1.0\n");
        await repo.CommitAllAsync("Next version");
        await repo.GitAsync("tag", "1.1.0");
        ShouldBeReleased(await repo.RunAsync(DeliveryRepo.As(DeliveryRepo.Approver), "Release", "--approve"), repo);

        var reused = await repo.RunAsync(DeliveryRepo.As(DeliveryRepo.Author), "Release", "--rollback-to", "1.0.0");

        ShouldBeRefusedBy(reused, repo, "approval");
        Assert.Matches(
            $@"^the approval by {DeliveryRepo.Approver} at .* UTC was spent by the release of this digest at .* UTC \(each delivery needs its own\); approve again with --approve$",
            Rule(reused, "approval").Detail);

        var approved = await repo.RunAsync(DeliveryRepo.As(DeliveryRepo.Approver), "Release", "--rollback-to", "1.0.0", "--approve");

        approved.ShouldExitWith(0);
        var last = Records(repo, "production")[^1];
        Assert.Equal("rollback", Text(last, "kind"));
        Assert.Equal("1.0.0", Text(last, "version"));
    }

    [Fact]
    public async Task Override_freeze_by_an_identity_the_policy_does_not_list_is_refused_naming_who_may()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment().BreakGlassBy(\"oncall@example.com\")" + ReleaseRuleTests.FreezeAroundNow, packed: false);

        var result = await repo.RunAsync(DeliveryRepo.As(DeliveryRepo.Author), "Release", "--override-freeze", "INC-9 I am in a hurry");

        ShouldBeRefusedBy(result, repo, "freeze-window");
        Assert.EndsWith(
            $"only oncall@example.com may override it, not {DeliveryRepo.Author} (git config user.email)",
            Rule(result, "freeze-window").Detail,
            StringComparison.Ordinal);
        Assert.False(repo.Repository.Exists("artifacts/environments/production/0.0.0"), "Something reached production.");
    }

    /// <summary>A run on GitHub Actions started by <paramref name="login"/> (what a laptop can claim too).</summary>
    private static Dictionary<string, string?> OnGitHub(string login) => new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_ACTOR"] = login,
        ["GITHUB_TRIGGERING_ACTOR"] = null,
        ["GITHUB_STEP_SUMMARY"] = null,
        ["GITHUB_OUTPUT"] = null,
    };

    /// <summary>A change to the library committed with <paramref name="author"/> as its author.</summary>
    private static async Task CommitAsAsync(DeliveryRepo repo, string author)
    {
        File.AppendAllText(repo.Repository.Path("src/App/Greeting.cs"), $"// by {author}\n");
        await repo.GitAsync("add", "-A");
        await repo.GitAsync("-c", $"user.email={author}", "commit", "--quiet", "-m", $"Change by {author}");
    }

    /// <summary>What a person with write access to the ledger might do: change who gave the approval.</summary>
    /// <summary>
    /// What a forger who knows the ledger's format does: changes the approver and seals the hash chain and the
    /// head again, so only the signature can tell.
    /// </summary>
    private static void ForgeApprover(DeliveryRepo repo, string who)
    {
        var path = repo.Repository.Path(".pipeline/records/production/ledger.jsonl");
        var sealedLines = new List<string>();
        foreach (var line in File.ReadAllLines(path))
        {
            var record = JsonNode.Parse(line)!;
            if ((string?)record["kind"] == "approval")
            {
                record["who"] = who;
            }

            record["previous"] = sealedLines.Count == 0 ? "none" : ReleaseTestKit.LineHash(sealedLines[^1]);
            sealedLines.Add(record.ToJsonString());
        }

        File.WriteAllLines(path, sealedLines);
        var head = new JsonObject
        {
            ["records"] = sealedLines.Count,
            ["last"] = ReleaseTestKit.LineHash(sealedLines[^1]),
            ["previous"] = sealedLines.Count == 1 ? "none" : ReleaseTestKit.LineHash(sealedLines[^2]),
        };
        File.WriteAllText(repo.Repository.Path(".pipeline/records/production/ledger.head"), head.ToJsonString() + "\n");
    }
}
