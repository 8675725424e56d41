using System.Text.Json;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Delivery;

/// <summary>
/// One release at a time per environment, and a release killed midway leaves nothing behind that breaks the next:
/// the production deployer announces itself (a line, and <c>artifacts/deploying</c>, which counts deployments) and then holds on until the test creates
/// <c>artifacts/finish</c>, so the second release always meets the first one mid-deployment.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class ReleaseConcurrencyTests
{
    private const string SlowDeployer = """
        .DeploysWith(Deployers.Custom("slow", async (d, ct) =>
        {
            File.AppendAllText(Root / "artifacts" / "deploying", d.Version + "\n");
            Console.WriteLine($"deploying {d.Version}");
            while (!File.Exists(Root / "artifacts" / "finish"))
            {
                await Task.Delay(100, ct);
            }
        }))
        """;

    // What the slow deployer prints once it has started.
    private const string Deploying = "deploying ";

    private const string WaitingLine = "Another release to production is in progress (";

    [Fact]
    public async Task Second_release_while_one_is_deploying_is_refused_by_one_at_a_time_naming_the_holder()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment().OneReleaseAtATime(TimeSpan.Zero)", production: SlowDeployer, packed: false);
        (await repo.RunAsync("PublishQa")).ShouldExitWith(0);
        await using var first = PipelineRunner.Start(repo.Root, ["Release"]);
        await first.SaysAsync(Deploying);

        var second = await repo.RunAsync("Release");

        ReleaseTestKit.ShouldBeRefusedBy(second, repo, "one-at-a-time");
        Assert.Matches(
            $@"^another release to production is in progress \(process {first.ProcessId} on \S+ since .+, release of \S+ sha256:[0-9a-f]{{64}}\)$",
            ReleaseTestKit.Rule(second, "one-at-a-time").Detail);

        File.WriteAllText(repo.Repository.Path("artifacts/finish"), string.Empty);
        var firstResult = await first.Completion;
        ReleaseTestKit.ShouldBeReleased(firstResult, repo);
        Assert.Single(File.ReadAllLines(repo.Repository.Path("artifacts/deploying")));
    }

    [Fact]
    public async Task Second_release_waits_for_the_first_and_then_finds_the_candidate_already_in_production()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment().OneReleaseAtATime(TimeSpan.FromSeconds(45))", production: SlowDeployer, packed: false);
        (await repo.RunAsync("PublishQa")).ShouldExitWith(0);
        await using var first = PipelineRunner.Start(repo.Root, ["Release"]);
        await first.SaysAsync(Deploying);
        await using var second = PipelineRunner.Start(repo.Root, ["Release"]);

        // The first may finish only once the second has met its lock and said it waits; one that does not wait is
        // refused (exit code 3) or deploys again (a second line in artifacts/deploying).
        if (await Task.WhenAny(second.Output.SaidAsync(WaitingLine), second.Completion) == second.Completion)
        {
            Assert.Fail($"The second release ended without waiting for the first.{Environment.NewLine}{await second.Completion}");
        }

        File.WriteAllText(repo.Repository.Path("artifacts/finish"), string.Empty);
        var firstResult = await first.Completion;
        var secondResult = await second.Completion;

        firstResult.ShouldExitWith(0);
        firstResult.OutputShouldContain("Released ");
        secondResult.ShouldExitWith(0);
        secondResult.ShouldShowNoStackTrace();
        Assert.Matches(
            @"^Another release to production is in progress \(process \d+ on \S+ since .+, release of \S+ sha256:[0-9a-f]{64}\); waiting up to 45\.0 s for it\.$",
            secondResult.OutputLines.Single(l => l.Contains(WaitingLine, StringComparison.Ordinal)));
        Assert.All(ReleaseTestKit.Rules(secondResult), r => Assert.True(r.Passed, $"{r.Name} failed: {r.Detail}{Environment.NewLine}{secondResult}"));
        Assert.Matches(@"^\S+ sha256:[0-9a-f]{64} is already in production: nothing published again\.$", secondResult.OutputLines.Single(l => l.Contains("already in production", StringComparison.Ordinal)));
        Assert.Single(File.ReadAllLines(repo.Repository.Path("artifacts/deploying")));
        var outcomes = ReleaseTestKit.Records(repo, "production").Select(r => $"{r.GetProperty("kind").GetString()} {r.GetProperty("outcome").GetString()}");
        Assert.Equal(["release started", "release published", "release already-present"], outcomes);
    }

    [Fact]
    public async Task Release_killed_during_the_deployer_leaves_started_which_the_next_release_records_as_interrupted_and_no_lock_that_blocks_it()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment().OneReleaseAtATime(TimeSpan.Zero)", production: SlowDeployer, packed: false);

        // A refusal first, so the ledger has a record to keep.
        ReleaseTestKit.ShouldBeRefusedBy(await repo.RunAsync("Release", "--release-mode", "delivery"), repo, "approval");
        await using (var killed = PipelineRunner.Start(repo.Root, ["Release"]))
        {
            await killed.SaysAsync(Deploying);
            ProcessTools.Send("KILL", killed.ProcessId);
            var result = await killed.Completion;
            Assert.NotEqual(0, result.ExitCode);
        }

        var history = await repo.RunAsync("--history", "production", "--json");

        history.ShouldExitWith(0);
        Assert.DoesNotContain("warning", history.StandardError, StringComparison.Ordinal);
        string digest;
        using (var records = JsonDocument.Parse(history.StandardOutput))
        {
            Assert.Equal(["refusal refused", "release started"], records.RootElement.EnumerateArray().Select(Describe));
            digest = records.RootElement[1].GetProperty("digest").GetString()!;
        }

        File.WriteAllText(repo.Repository.Path("artifacts/finish"), string.Empty);
        var next = await repo.RunAsync("Release");

        ReleaseTestKit.ShouldBeReleased(next, repo);
        next.OutputShouldContain($"The release of ");
        next.OutputShouldContain($" {digest} to production started by ");
        next.OutputShouldContain(" never concluded: recorded as interrupted.");
        Assert.Equal(2, File.ReadAllLines(repo.Repository.Path("artifacts/deploying")).Length);

        // Records() parses every line on its own: a half-written record would fail here.
        var production = ReleaseTestKit.Records(repo, "production");
        Assert.Equal(["refusal refused", "release started", "release interrupted", "release started", "release published"], production.Select(Describe));
        var interrupted = production[2];

        // The host is whatever the machine running the tests is (a CI runner names itself and its run link).
        Assert.Equal(digest, interrupted.GetProperty("digest").GetString());
        Assert.Matches(@"^started at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC by \S+ on .+ and never concluded; found by the next run holding the lock$", interrupted.GetProperty("error").GetString());
    }

    private static string Describe(JsonElement record) => $"{record.GetProperty("kind").GetString()} {record.GetProperty("outcome").GetString()}";
}
