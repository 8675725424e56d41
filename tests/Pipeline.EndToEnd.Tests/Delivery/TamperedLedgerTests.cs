namespace Pipeline.EndToEnd.Tests.Delivery;

/// <summary>
/// A ledger changed by hand is never read past: Release refuses (exit 3) naming the first line that does not
/// verify and deploys nothing, and <c>--history</c> shows what verifies and where the chain breaks.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class TamperedLedgerTests
{
    private const string QaLedger = ".pipeline/records/qa/ledger.jsonl";

    public static TheoryData<string, string, int, string> Tamperings => new()
    {
        { "edited", "first line's who changed", 2, "does not follow line 1: line 1 was changed" },
        { "truncated", "last line removed", 2, "is the last line, but the ledger's head says it has 3 records: records were removed from the end" },
        { "reordered", "lines swapped", 1, "does not start the ledger" },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task A_tampered_qa_ledger_refuses_the_release_naming_the_line(string tampering, string how, int line, string problem)
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment()");
        (await repo.RunAsync("PublishQa")).ShouldExitWith(0);
        var lines = File.ReadAllLines(repo.Repository.Path(QaLedger));
        Assert.Equal(3, lines.Length); // the deployment started, published, and QA's evidence
        string[] tampered = tampering switch
        {
            "edited" => [lines[0].Replace(DeliveryRepo.Author, "someone@example.com", StringComparison.Ordinal), .. lines[1..]],
            "truncated" => lines[..^1],
            _ => [lines[1], lines[0], lines[2]],
        };
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

    [Fact]
    public async Task Deleting_artifacts_keeps_the_audit_trail_out_of_git_status()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment()");
        (await repo.RunAsync("Release")).ShouldExitWith(0);
        var released = repo.LedgerLines("production");

        Directory.Delete(repo.Repository.Path("artifacts"), recursive: true);

        var history = await repo.RunAsync("--history", "production");
        history.ShouldExitWith(0);
        Assert.Equal(released, repo.LedgerLines("production"));
        Assert.Contains(history.OutputLines, l => l.Contains("release", StringComparison.Ordinal) && l.Contains("published", StringComparison.Ordinal));
        Assert.Equal(string.Empty, await repo.GitAsync("status", "--porcelain"));
    }

    [Fact]
    public async Task A_ledger_an_earlier_version_kept_in_artifacts_still_counts_and_is_moved_chained_on_the_next_record()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment()");
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
    }
}
