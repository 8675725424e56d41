using System.Diagnostics;

using static Pipeline.EndToEnd.Tests.Delivery.ReleaseTestKit;

namespace Pipeline.EndToEnd.Tests.Delivery;

/// <summary>
/// Which candidate Release promotes, and when it refuses: allowed refs, approvals bound to a digest, idempotent
/// releases, no downgrades, rollbacks and <c>--candidate</c>.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class PromotionTests
{
    private static readonly Dictionary<string, string?> AsApprover = DeliveryRepo.As(DeliveryRepo.Approver);

    [Fact]
    public async Task Release_from_a_feature_branch_is_refused_by_allowed_ref_and_allowed_from_main()
    {
        using var repo = await DeliveryRepo.CreateAsync("new ReleasePolicy().ContinuousDeployment().AllowRefs(\"main\")");
        await repo.GitAsync("checkout", "--quiet", "-b", "feature/x");

        var refused = await repo.RunAsync("Release");

        refused.ShouldExitWith(3);
        refused.ShouldShowNoStackTrace();
        Assert.Equal("succeeded", refused.OutcomeOf("PublishQa"));
        var verdict = Rule(refused, "allowed-ref");
        Assert.False(verdict.Passed, refused.ToString());
        Assert.Equal("refs/heads/feature/x is not one of main", verdict.Detail);
        refused.OutputShouldContain("Refused: allowed-ref (rule of production;");

        // Only allowed-ref failed: continuous deployment needs no approval, so no approve command is suggested.
        refused.OutputShouldNotContain("--approve --comment");
        Assert.DoesNotContain(Records(repo, "production"), r => Text(r, "kind") == "release");

        // The same commit from main: QA's evidence is reused and the release goes through.
        await repo.GitAsync("checkout", "--quiet", "main");
        var released = await repo.RunAsync("Release");

        released.ShouldExitWith(0);
        Assert.Equal("skipped", released.OutcomeOf("PublishQa"));
        var allowed = Rule(released, "allowed-ref");
        Assert.True(allowed.Passed, released.ToString());
        Assert.Equal("refs/heads/main matches main", allowed.Detail);
        var release = Records(repo, "production").Last();
        Assert.Equal(("release", "published"), (Text(release, "kind"), Text(release, "outcome")));
    }

    [Fact]
    public async Task Releasing_the_same_digest_twice_publishes_it_once()
    {
        using var repo = await DeliveryRepo.CreateAsync();
        (await repo.RunAsync()).ShouldExitWith(0);
        (await repo.RunAsync(AsApprover, "Release", "--approve")).ShouldExitWith(0);
        var first = Assert.Single(Records(repo, "production"), r => Text(r, "kind") == "release" && Text(r, "outcome") == "published");
        var version = Text(first, "version");
        var digest = Text(first, "digest");
        var package = repo.Repository.Path($"artifacts/environments/production/{version}/App.{version}.nupkg");
        var before = FileIdentity(package);

        var again = await repo.RunAsync(AsApprover, "Release", "--approve");

        again.ShouldExitWith(0);
        again.OutputShouldContain($"{version} {digest} is already in production: nothing published again.");
        again.OutputShouldNotContain($"Released {version}");

        // File.Copy keeps the modification time, so the inode is what shows a copy made anew.
        Assert.Equal(before, FileIdentity(package));
        Assert.Equal([version], Directory.GetDirectories(repo.Repository.Path("artifacts/environments/production")).Select(Path.GetFileName));
        var releases = Records(repo, "production").Where(r => Text(r, "kind") == "release").ToList();
        Assert.Equal(["started", "published", "already-present"], releases.Select(r => Text(r, "outcome")));
        Assert.All(releases, r => Assert.Equal(digest, Text(r, "digest")));
    }

    [Fact]
    public async Task Approval_of_one_candidate_does_not_release_another()
    {
        using var repo = await DeliveryRepo.CreateAsync();
        (await repo.RunAsync()).ShouldExitWith(0);
        (await repo.RunAsync(AsApprover, "Release", "--approve")).ShouldExitWith(0);
        var approvedDigest = Text(Records(repo, "production").Single(r => Text(r, "kind") == "approval"), "digest");

        await ChangeLibraryAsync(repo, "Hi");
        (await repo.RunAsync("PublishQa")).ShouldExitWith(0);
        var candidate = Records(repo, "qa")[^1];
        var version = Text(candidate, "version");
        var digest = Text(candidate, "digest");
        Assert.NotEqual(approvedDigest, digest);

        var refused = await repo.RunAsync("Release");

        refused.ShouldExitWith(3);
        var approval = Rule(refused, "approval");
        Assert.False(approval.Passed, refused.ToString());
        Assert.StartsWith($"no approval for {version} {digest}", approval.Detail, StringComparison.Ordinal);
        Assert.Contains($"by {DeliveryRepo.Approver}, was for ", approval.Detail, StringComparison.Ordinal);
        Assert.Contains($"{approvedDigest}: another candidate", approval.Detail, StringComparison.Ordinal);
        refused.OutputShouldContain("To approve: ./build.sh Release --approve --comment \"why\"");
        Assert.False(repo.Repository.Exists($"artifacts/environments/production/{version}"), refused.ToString());
    }

    [Fact]
    public async Task Rollback_promotes_an_earlier_releases_bytes_again_which_a_plain_downgrade_may_not()
    {
        using var repo = await DeliveryRepo.CreateAsync();
        await repo.GitAsync("tag", "1.0.0");
        (await repo.RunAsync()).ShouldExitWith(0);
        (await repo.RunAsync(AsApprover, "Release", "--approve")).ShouldExitWith(0);
        var digest100 = Text(Records(repo, "production").Single(r => Text(r, "kind") == "release" && Text(r, "outcome") == "published"), "digest");

        await ChangeLibraryAsync(repo, "Hi");
        await repo.GitAsync("tag", "1.1.0");
        var release110 = await repo.RunAsync(AsApprover, "Release", "--approve");
        release110.ShouldExitWith(0);
        Assert.Equal("succeeded", release110.OutcomeOf("Package"));
        Assert.Equal("1.1.0", Text(Records(repo, "production")[^1], "version"));

        // Going back to 1.0.0 as an ordinary release is a downgrade.
        var downgrade = await repo.RunAsync(AsApprover, "Release", "--candidate", "1.0.0", "--approve");

        downgrade.ShouldExitWith(3);
        var noDowngrade = Rule(downgrade, "no-downgrade");
        Assert.False(noDowngrade.Passed, downgrade.ToString());
        Assert.StartsWith("1.0.0 is below 1.1.0", noDowngrade.Detail, StringComparison.Ordinal);
        Assert.EndsWith("to go back use --rollback-to 1.0.0", noDowngrade.Detail, StringComparison.Ordinal);
        downgrade.OutputShouldContain("Refused: no-downgrade (rule of production;");
        Assert.Equal("refusal", Text(Records(repo, "production")[^1], "kind"));

        // A rollback is the way back: the recorded bytes of 1.0.0, nothing rebuilt.
        var rollback = await repo.RunAsync(AsApprover, "Release", "--rollback-to", "1.0.0", "--approve");

        rollback.ShouldExitWith(0);
        foreach (var stage in new[] { "Package", "PublishQa" })
        {
            Assert.Equal("skipped", rollback.OutcomeOf(stage));
            Assert.Equal($"rollback to 1.0.0 {digest100[..19]}", rollback.DetailsOf(stage));
        }

        Assert.Equal("waived: a rollback", Rule(rollback, "no-downgrade").Detail);
        var last = Records(repo, "production")[^1];
        Assert.Equal("rollback", Text(last, "kind"));
        Assert.Equal("1.0.0", Text(last, "version"));
        Assert.Equal(digest100, Text(last, "digest"));
        Assert.Equal(DeliveryRepo.Approver, Text(last, "who"));

        // Only a version production received can be rolled back to; the error names those.
        var unknown = await repo.RunAsync("Release", "--rollback-to", "9.9.9");

        unknown.ShouldExitWith(2);
        unknown.ShouldShowNoStackTrace();
        unknown.ShouldHaveRunNoTarget();
        unknown.ErrorShouldContain("error: --rollback-to 9.9.9: production never received 9.9.9. Released: ");
        var released = unknown.StandardError[unknown.StandardError.IndexOf("Released: ", StringComparison.Ordinal)..];
        Assert.Contains($"1.0.0 {digest100[..19]}", released, StringComparison.Ordinal);
        Assert.Contains("1.1.0 sha256:", released, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Release_after_tagging_a_checked_commit_as_stable_version_advises_releases_the_tagged_version()
    {
        using var repo = await DeliveryRepo.CreateAsync("new ReleasePolicy().RequireStableVersion()");
        (await repo.RunAsync()).ShouldExitWith(0);
        var refused = await repo.RunAsync(AsApprover, "Release", "--approve");
        refused.ShouldExitWith(3);
        Assert.EndsWith("tag the commit with a release version (git tag 1.2.0)", Rule(refused, "stable-version").Detail, StringComparison.Ordinal);

        // Following that advice: the commit is now version 1.0.0, so its earlier pre-release candidate is not it.
        await repo.GitAsync("tag", "1.0.0");
        var release = await repo.RunAsync(AsApprover, "Release", "--approve");

        release.ShouldExitWith(0);
        Assert.Equal("succeeded", release.OutcomeOf("Package"));
        var last = Records(repo, "production")[^1];
        Assert.Equal(("release", "1.0.0"), (Text(last, "kind"), Text(last, "version")));
        Assert.True(repo.Repository.Exists("artifacts/environments/production/1.0.0/App.1.0.0.nupkg"), release.ToString());
    }

    [Fact]
    public async Task Candidate_option_releases_a_recorded_candidate_and_an_unknown_one_is_a_usage_error()
    {
        using var repo = await DeliveryRepo.CreateAsync();
        (await repo.RunAsync()).ShouldExitWith(0);
        var recorded = Records(repo, "qa")[^1];
        var version = Text(recorded, "version");
        var digest = Text(recorded, "digest");

        // HEAD moves on: it has no candidate of its own, so only --candidate can name the recorded one.
        await ChangeLibraryAsync(repo, "Hi");

        var unknown = await repo.RunAsync("Release", "--candidate", "7.7.7");

        unknown.ShouldExitWith(2);
        unknown.ShouldShowNoStackTrace();
        unknown.ShouldHaveRunNoTarget();
        unknown.ErrorShouldContain($"error: --candidate 7.7.7: qa has no record of it. Recorded: {version} {digest[..19]}.");

        var picked = await repo.RunAsync(AsApprover, "Release", "--candidate", version, "--approve");

        picked.ShouldExitWith(0);
        foreach (var stage in new[] { "Package", "PublishQa" })
        {
            Assert.Equal("skipped", picked.OutcomeOf(stage));
            Assert.Equal($"satisfied by candidate {version} {digest[..19]}, which passed qa", picked.DetailsOf(stage));
        }

        var release = Records(repo, "production")[^1];
        Assert.Equal(("release", "published", version, digest), (Text(release, "kind"), Text(release, "outcome"), Text(release, "version"), Text(release, "digest")));
        Assert.True(repo.Repository.Exists($"artifacts/environments/production/{version}/App.{version}.nupkg"), picked.ToString());

        // Nothing was built or checked for the new HEAD: QA holds the one deployment (started, published) and its checks.
        Assert.Equal(3, Records(repo, "qa").Count);
    }

    /// <summary>A new commit that changes the library, so the next package is another candidate.</summary>
    private static async Task ChangeLibraryAsync(DeliveryRepo repo, string greeting)
    {
        await File.WriteAllTextAsync(repo.Repository.Path("src/App/Greeting.cs"), $$"""
            namespace App;

            public static class Greeting
            {
                public static string Hello(string name) => $"{{greeting}}, {name}!";
            }
            """);
        await repo.CommitAllAsync($"Say {greeting}");
    }

    /// <summary>Content, modification time and inode: a file copied anew differs in the inode at least.</summary>
    private static string FileIdentity(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%i %y", path]) { RedirectStandardOutput = true })!;
        var output = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        Assert.True(stat.ExitCode == 0, $"stat {path} failed.");
        return $"{output} sha256:{Sha256(path)}";
    }
}
