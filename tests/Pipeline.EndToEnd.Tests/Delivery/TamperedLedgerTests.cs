namespace Pipeline.EndToEnd.Tests.Delivery;

/// <summary>
/// A ledger changed by hand is never read past: Release refuses (exit 3) naming the first line that does not
/// verify and deploys nothing, and <c>--history</c> shows what verifies and where the chain breaks.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class TamperedLedgerTests
{
    private const string QaLedger = ".pipeline/records/qa/ledger.jsonl";

    [Fact]
    public async Task An_edited_truncated_or_reordered_qa_ledger_refuses_the_release_naming_the_line()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment()", packed: false);
        (await repo.RunAsync("PublishQa")).ShouldExitWith(0);
        var lines = File.ReadAllLines(repo.Repository.Path(QaLedger));
        Assert.Equal(3, lines.Length); // the deployment started, published, and QA's evidence
        var tamperings = new (string How, string[] Lines, int Line, string Problem)[]
        {
            ("edited", [lines[0].Replace(DeliveryRepo.Author, "someone@example.com", StringComparison.Ordinal), .. lines[1..]], 2, "does not follow line 1: line 1 was changed"),
            ("truncated", lines[..^1], 2, "is the last line, but the ledger's head says it has 3 records: records were removed from the end"),
            ("reordered", [lines[1], lines[0], lines[2]], 1, "does not start the ledger"),
        };

        foreach (var (how, tampered, line, problem) in tamperings)
        {
            File.WriteAllLines(repo.Repository.Path(QaLedger), tampered);

            var release = await repo.RunAsync("Release");

            release.ShouldExitWith(3);
            release.ShouldShowNoStackTrace();
            Assert.Contains($"the ledger of qa does not verify ({repo.Repository.Path(QaLedger)}): line {line} {problem}", release.AllOutput, StringComparison.Ordinal);
            Assert.False(repo.Repository.Exists("artifacts/environments/production"), $"{how}: something was deployed.{Environment.NewLine}{release}");
            Assert.Empty(repo.LedgerLines("production"));
            var history = await repo.RunAsync("--history", "qa");
            history.ShouldExitWith(3);
            Assert.Contains($"does not verify from line {line} on", history.StandardError, StringComparison.Ordinal);
        }

        File.WriteAllLines(repo.Repository.Path(QaLedger), lines);
        (await repo.RunAsync("Release")).ShouldExitWith(0);
    }

    [Fact]
    public async Task A_ledger_an_earlier_version_kept_in_artifacts_still_counts_and_deleting_artifacts_then_keeps_the_trail()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment()", packed: false);
        const string OldRelease =
            "{\"kind\":\"release\",\"environment\":\"production\",\"time\":\"2026-11-20T12:00:00+00:00\",\"who\":\"ci@example.com\"," +
            "\"whoSource\":\"git config user.email\",\"version\":\"2.0.0\",\"digest\":\"sha256:0000000000000000000000000000000000000000000000000000000000000000\"," +
            "\"commit\":null,\"host\":\"local\",\"runUrl\":null,\"outcome\":\"published\"}";
        repo.Repository.CreateFolder("artifacts/environments/production");
        File.WriteAllText(repo.Repository.Path("artifacts/environments/production/ledger.jsonl"), OldRelease + "\n");

        var release = await repo.RunAsync("Release");

        release.ShouldExitWith(3);
        Assert.Contains("is below 2.0.0, released 2026-11-20 12:00:00 UTC", ReleaseTestKit.Rule(release, "no-downgrade").Detail, StringComparison.Ordinal);
        var moved = repo.LedgerLines("production");
        Assert.Equal(2, moved.Count);
        Assert.Contains("\"version\":\"2.0.0\"", moved[0], StringComparison.Ordinal);
        Assert.EndsWith("\"previous\":\"none\"}", moved[0], StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"refusal\"", moved[1], StringComparison.Ordinal);

        // A Clean that deletes every output: the audit trail is not one of them, and git never sees it.
        Directory.Delete(repo.Repository.Path("artifacts"), recursive: true);
        var history = await repo.RunAsync("--history", "production");
        history.ShouldExitWith(0);
        Assert.Equal(moved, repo.LedgerLines("production"));
        Assert.Contains(history.OutputLines, l => l.Contains("2.0.0", StringComparison.Ordinal) && l.Contains("published", StringComparison.Ordinal));
        Assert.Equal(string.Empty, await repo.GitAsync("status", "--porcelain"));
    }
}
