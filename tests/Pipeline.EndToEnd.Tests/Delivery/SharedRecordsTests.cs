using System.Text.RegularExpressions;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Delivery;

/// <summary>
/// Records on the git backend (<c>RecordsIn(RecordsBackend.Git())</c>), shared through a bare <c>origin</c> by
/// clones that are fresh runners: the history one runner wrote holds for the next, and two runners exclude each other.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed partial class SharedRecordsTests
{
    private const string OnGit = "RecordsIn(RecordsBackend.Git());";

    [Fact]
    public async Task A_fresh_clone_at_an_older_tag_sees_the_history_and_refuses_the_downgrade()
    {
        using var first = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment()", extra: OnGit, packed: false);
        await first.GitAsync("tag", "v1.0.0");
        File.AppendAllText(first.Repository.Path("src/App/Greeting.cs"), "// 1.1.0\n");
        await first.CommitAllAsync("For 1.1.0");
        await first.GitAsync("tag", "v1.1.0");
        using var origin = await SharedOrigin.ForAsync(first);
        ReleaseTestKit.ShouldBeReleased(await first.RunAsync("Release"), first);

        // A new runner, checked out at the older tag, with nothing of the first one's working tree.
        var fresh = await origin.CloneAsync("v1.0.0");
        var downgrade = await fresh.RunAsync("Release");

        downgrade.ShouldExitWith(3);
        downgrade.ShouldShowNoStackTrace();
        var rule = ReleaseTestKit.Rule(downgrade, "no-downgrade");
        Assert.False(rule.Passed, downgrade.ToString());
        Assert.StartsWith("1.0.0 is below 1.1.0, released ", rule.Detail, StringComparison.Ordinal);
        Assert.False(fresh.Repository.Exists(".pipeline/records"), "The records were written to the clone's folder instead of the git ref.");

        var history = await fresh.RunAsync("--history", "production");
        history.ShouldExitWith(0);
        history.OutputShouldContain("1.1.0");
        Assert.Equal(
            ["release started", "release published", "refusal refused"],
            ReleaseTestKit.Records(fresh, "production").Select(r => $"{ReleaseTestKit.Text(r, "kind")} {ReleaseTestKit.Text(r, "outcome")}"));
    }

    [Fact]
    public async Task Two_clones_releasing_at_once_through_the_git_records_never_both_deploy()
    {
        // The deployer says it started, then blocks opening a named pipe until the test opens it to write: the test,
        // not a clock, decides when the first deployment ends.
        const string HeldDeployer = """
            .DeploysWith(Deployers.Custom("held", async (d, ct) =>
            {
                Console.WriteLine($"deploying {d.Version}");
                await Task.Run(() => File.ReadAllText(Environment.GetEnvironmentVariable("FINISH_PIPE")!), ct);
            }))
            """;
        using var first = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment().OneReleaseAtATime(TimeSpan.Zero)", production: HeldDeployer, extra: OnGit, packed: false);
        using var origin = await SharedOrigin.ForAsync(first);
        var second = await origin.CloneAsync();
        var finish = Path.Combine(first.Repository.CreateFolder("artifacts"), "finish.pipe");
        Assert.Equal(0, BlockingProcess.Run("mkfifo", [finish])?.ExitCode);
        var environment = new Dictionary<string, string?> { ["FINISH_PIPE"] = finish };

        // Each runner makes its own candidate (packages are not byte-reproducible) and records it in the shared QA ledger.
        var secondCandidate = CandidateDigest(await second.RunAsync(environment, "PublishQa"));
        (await first.RunAsync(environment, "PublishQa")).ShouldExitWith(0);

        await using var releasing = PipelineRunner.Start(first.Root, ["Release"], environment);
        await releasing.SaysAsync("deploying ");
        var meanwhile = await second.RunAsync(environment, "Release", "--candidate", secondCandidate);

        meanwhile.ShouldExitWith(3);
        var rule = ReleaseTestKit.Rule(meanwhile, "one-at-a-time");
        Assert.False(rule.Passed, meanwhile.ToString());
        Assert.Contains($"process {releasing.ProcessId} on ", rule.Detail, StringComparison.Ordinal);

        using (var writer = new FileStream(finish, FileMode.Open, FileAccess.Write))
        {
            writer.WriteByte((byte)'\n');
        }

        ReleaseTestKit.ShouldBeReleased(await releasing.Completion, first);
        var records = ReleaseTestKit.Records(first, "production").Select(r => $"{ReleaseTestKit.Text(r, "kind")} {ReleaseTestKit.Text(r, "outcome")}").ToList();
        Assert.Single(records, record => record == "release published");
        Assert.Single(records, record => record == "refusal refused");
    }

    private static string CandidateDigest(RunnerResult result)
    {
        result.ShouldExitWith(0);
        var match = CandidateLine().Match(result.StandardOutput);
        Assert.True(match.Success, result.ToString());
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"Release candidate \S+ (sha256:[0-9a-f]{64})")]
    private static partial Regex CandidateLine();
}
