using System.Text.Json;
using Pipeline.EndToEnd.Tests.Infrastructure;
using static Pipeline.EndToEnd.Tests.Delivery.ReleaseTestKit;

namespace Pipeline.EndToEnd.Tests.Delivery;

/// <summary>
/// A release job on GitHub Actions behind a protected environment: GitHub waits for the environment's reviewers,
/// and Release reads who approved from the run's review history (a loopback server answering in GitHub's
/// documented shape), records those reviewers as the approvers and judges them like any approval, so whoever
/// started the run is never taken for one. The job's token reaches the API and nothing else.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class HostApprovalTests : IDisposable
{
    private const string Token = "ghs_e2eT0kenThatMustNeverBeShown0123456789";
    private const string Octocat = "octocat";
    private const string OctocatNoReply = "12345+octocat@users.noreply.github.com";
    private const string ReviewsPath = "/repos/octo/app/actions/runs/4242/approvals";

    private readonly GitHubApiServer _github = new();

    public void Dispose() => _github.Dispose();

    [Fact]
    public async Task An_environment_reviewer_is_recorded_as_the_approver_and_the_release_needs_no_approve()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ApproverMustNotBeAuthor()", packed: false);
        await CommitAsAsync(repo, OctocatNoReply);
        var commit = (await repo.GitAsync("rev-parse", "HEAD"))[..12];
        (await repo.RunAsync()).ShouldExitWith(0);

        // GitHub environment names are not case-sensitive; a review of another environment approves nothing here.
        _github.Answers(200, $"[{GitHubApiServer.Review("approved", "hubot", "Production", "LGTM, CHG-7")},{GitHubApiServer.Review("approved", "stager", "staging")}]");

        // The author starts the run: only the reviewer approves, and a dry run judges so without writing it.
        var dryRun = await repo.RunAsync(OnGitHub(startedBy: Octocat), "Release", "--dry-run");
        dryRun.ShouldExitWith(0);
        Assert.StartsWith("approved by hubot at ", Rule(dryRun, "approval").Detail, StringComparison.Ordinal);
        Assert.Empty(repo.LedgerLines("production"));

        var result = await repo.RunAsync(OnGitHub(startedBy: Octocat), "Release");

        ShouldBeReleased(result, repo);
        Assert.StartsWith("approved by hubot at ", Rule(result, "approval").Detail, StringComparison.Ordinal);
        Assert.Equal(
            $"approved by hubot; the authors of the candidate commit {commit} (no earlier release to production): {OctocatNoReply}; started by {Octocat} (GITHUB_ACTOR)",
            Rule(result, "approver-not-author").Detail);
        var approval = Assert.Single(Records(repo, "production"), r => Text(r, "kind") == "approval");
        Assert.Equal("hubot", Text(approval, "who"));
        Assert.Equal("host: GitHub environment 'Production' review", Text(approval, "whoSource"));
        Assert.Equal("LGTM, CHG-7", Text(approval, "comment"));

        // The runner asked GitHub as documented, with the job's token, and showed the token nowhere.
        Assert.Equal(2, _github.Requests.Count);
        Assert.All(_github.Requests, request => Assert.Equal(new SeenRequest("GET", ReviewsPath, $"Bearer {Token}", "application/vnd.github+json"), request));
        TokenShouldStayHidden(dryRun);
        TokenShouldStayHidden(result);
        Assert.DoesNotContain(Token, string.Join('\n', repo.LedgerLines("production")), StringComparison.Ordinal);

        // The history shows the reviewer as the approver, and how that was learnt.
        var history = await repo.RunAsync("--history", "production");
        history.ShouldExitWith(0);
        Assert.Contains(history.OutputLines, line => line.Contains("approval", StringComparison.Ordinal) && line.Contains("hubot", StringComparison.Ordinal));
        var json = await repo.RunAsync("--history", "production", "--json");
        json.ShouldExitWith(0);
        using var records = JsonDocument.Parse(json.StandardOutput);
        var recorded = Assert.Single(records.RootElement.EnumerateArray(), r => Text(r, "kind") == "approval");
        Assert.Equal(("hubot", "host: GitHub environment 'Production' review"), (Text(recorded, "who"), Text(recorded, "whoSource")));
    }

    [Fact]
    public async Task An_environment_reviewer_who_wrote_the_release_is_refused_by_separation_of_duties()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ApproverMustNotBeAuthor()", packed: false);
        await CommitAsAsync(repo, OctocatNoReply);
        var commit = (await repo.GitAsync("rev-parse", "HEAD"))[..12];

        // The environment does not prevent self-review: GitHub let the author approve. Pipeline does not.
        _github.Answers(200, $"[{GitHubApiServer.Review("approved", Octocat, "production")}]");
        var result = await repo.RunAsync(OnGitHub(startedBy: "hubot"), "Release");

        ShouldBeRefusedBy(result, repo, "approver-not-author");
        Assert.Equal(
            $"{Octocat} wrote the candidate commit {commit} (no earlier release to production) (as {OctocatNoReply}) and cannot approve it; another person must run --approve",
            Rule(result, "approver-not-author").Detail);
        var approval = Assert.Single(Records(repo, "production"), r => Text(r, "kind") == "approval");
        Assert.Equal((Octocat, "host: GitHub environment 'production' review"), (Text(approval, "who"), Text(approval, "whoSource")));
        Assert.False(repo.Repository.Exists("artifacts/environments/production"), $"Something reached production.{Environment.NewLine}{result}");
        TokenShouldStayHidden(result);
    }

    [Fact]
    public async Task A_rejected_review_or_none_refuses_the_release_saying_the_environments_reviewers_have_not_approved_it()
    {
        using var repo = await DeliveryRepo.CreateAsync(packed: false);
        _github.Answers(200, $"[{GitHubApiServer.Review("rejected", "hubot", "production", "Not during the sale")}]");

        var rejected = await repo.RunAsync(OnGitHub(startedBy: Octocat), "Release");

        ShouldBeRefusedBy(rejected, repo, "approval");
        rejected.OutputShouldContain($"The GitHub environment 'production' has no approval from its reviewers for this run (rejected by hubot, GET {_github.Url}{ReviewsPath}).");
        rejected.OutputShouldContain("add required reviewers to it: Settings > Environments > production > Required reviewers");
        Assert.DoesNotContain(Records(repo, "production"), r => Text(r, "kind") == "approval");

        _github.Answers(200, "[]");
        var none = await repo.RunAsync(OnGitHub(startedBy: Octocat), "Release");

        ShouldBeRefusedBy(none, repo, "approval");
        none.OutputShouldContain($"has no approval from its reviewers for this run (it lists no review of production, GET {_github.Url}{ReviewsPath}).");
        Assert.DoesNotContain(Records(repo, "production"), r => Text(r, "kind") == "approval");
        Assert.False(repo.Repository.Exists("artifacts/environments/production"), $"Something reached production.{Environment.NewLine}{none}");
        TokenShouldStayHidden(rejected);
        TokenShouldStayHidden(none);
    }

    [Fact]
    public async Task An_API_that_refuses_the_token_answers_otherwise_or_cannot_be_reached_refuses_the_release_naming_the_address_and_what_to_check()
    {
        using var repo = await DeliveryRepo.CreateAsync(packed: false);
        _github.Answers(403, """{"message":"Resource not accessible by integration","documentation_url":"https://docs.github.com/rest"}""");

        var forbidden = await repo.RunAsync(OnGitHub(startedBy: Octocat), "Release");

        ShouldBeRefusedBeforeRecording(forbidden, repo);
        forbidden.OutputShouldContain(
            $"GitHub refused to give this run's environment reviews (GET {_github.Url}{ReviewsPath}: 403 Forbidden, \"Resource not accessible by integration\"): " +
            "the token in PIPELINE_GITHUB_TOKEN may not read the run's reviews; give the release job 'permissions: actions: read'.");

        _github.Answers(200, "<html>a proxy's login page</html>");
        var malformed = await repo.RunAsync(OnGitHub(startedBy: Octocat), "Release");

        ShouldBeRefusedBeforeRecording(malformed, repo);
        malformed.OutputShouldContain($"GitHub's answer to GET {_github.Url}{ReviewsPath} is not the documented review history of a run: it is not JSON");

        var closedPort = GitHubApiServer.FreePort();
        var unreachable = await repo.RunAsync(OnGitHub(startedBy: Octocat, apiUrl: $"http://127.0.0.1:{closedPort}"), "Release");

        ShouldBeRefusedBeforeRecording(unreachable, repo);
        unreachable.OutputShouldContain($"GitHub could not be reached for this run's environment reviews (GET http://127.0.0.1:{closedPort}{ReviewsPath}: ");
        unreachable.OutputShouldContain("check GITHUB_API_URL and the runner's network.");
        Assert.All(new[] { forbidden, malformed, unreachable }, TokenShouldStayHidden);
    }

    [Fact]
    public async Task GitHub_is_not_asked_when_the_release_needs_no_approval_the_host_keeps_no_reviews_or_no_token_is_given()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment()", packed: false);
        _github.Answers(200, $"[{GitHubApiServer.Review("approved", "hubot", "production")}]");

        // Continuous deployment needs no approval, so nobody's review is read or recorded.
        var deployed = await repo.RunAsync(OnGitHub(startedBy: Octocat), "Release");
        ShouldBeReleased(deployed, repo);

        // Made stricter (continuous delivery), on Gitea (whose runner sets the GitHub variables too but ignores
        // environments), or on GitHub without the token: no review is read, and an approval is missing as before.
        var strict = new Dictionary<string, string?> { ["PIPELINE_RELEASE_MODE"] = "delivery" };
        var onGitea = await repo.RunAsync(new Dictionary<string, string?>(OnGitHub(startedBy: Octocat).Concat(strict)) { ["GITEA_ACTIONS"] = "true" }, "Release");
        var withoutToken = await repo.RunAsync(new Dictionary<string, string?>(OnGitHub(startedBy: Octocat).Concat(strict)) { ["PIPELINE_GITHUB_TOKEN"] = null }, "Release");

        foreach (var refused in new[] { onGitea, withoutToken })
        {
            refused.ShouldExitWith(3);
            refused.ShouldShowNoStackTrace();
            Assert.False(Rule(refused, "approval").Passed, refused.ToString());
            refused.OutputShouldNotContain("The GitHub environment");
        }

        Assert.Empty(_github.Requests);
        Assert.DoesNotContain(Records(repo, "production"), r => Text(r, "kind") == "approval");
    }

    /// <summary>
    /// A release job on GitHub Actions started by <paramref name="startedBy"/>, with the job's token, asking the
    /// loopback server (or <paramref name="apiUrl"/>) for run 4242 of octo/app.
    /// </summary>
    private Dictionary<string, string?> OnGitHub(string startedBy, string? apiUrl = null) => new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_API_URL"] = apiUrl ?? _github.Url,
        ["GITHUB_REPOSITORY"] = "octo/app",
        ["GITHUB_RUN_ID"] = "4242",
        ["GITHUB_ACTOR"] = startedBy,
        ["GITHUB_TRIGGERING_ACTOR"] = null,
        ["GITHUB_STEP_SUMMARY"] = null,
        ["GITHUB_OUTPUT"] = null,
        ["PIPELINE_GITHUB_TOKEN"] = Token,

        // The loopback server is asked directly, whatever proxy the machine running the tests names.
        ["NO_PROXY"] = "127.0.0.1",
        ["no_proxy"] = "127.0.0.1",
    };

    /// <summary>
    /// The only line that may carry the token is GitHub's <c>::add-mask::</c> registration, which the GitHub
    /// runner consumes and never shows (it is how the run asks GitHub to hide the value).
    /// </summary>
    private static void TokenShouldStayHidden(RunnerResult result)
    {
        var carrying = result.AllOutput.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Contains(Token, StringComparison.Ordinal));
        Assert.All(carrying, line => Assert.Equal("::add-mask::" + Token, line));
    }

    /// <summary>Refused (exit code 3, no stack trace) before any verdict: nothing was written to production or deployed.</summary>
    private static void ShouldBeRefusedBeforeRecording(RunnerResult result, DeliveryRepo repo)
    {
        result.ShouldExitWith(3);
        result.ShouldShowNoStackTrace();
        Assert.Equal("failed", result.OutcomeOf("Release"));
        Assert.Empty(repo.LedgerLines("production"));
        Assert.False(repo.Repository.Exists("artifacts/environments/production"), $"Something reached production.{Environment.NewLine}{result}");
    }

    /// <summary>A change to the library committed with <paramref name="author"/> as its author.</summary>
    private static async Task CommitAsAsync(DeliveryRepo repo, string author)
    {
        File.AppendAllText(repo.Repository.Path("src/App/Greeting.cs"), $"// by {author}\n");
        await repo.GitAsync("add", "-A");
        await repo.GitAsync("-c", $"user.email={author}", "commit", "--quiet", "-m", $"Change by {author}");
    }
}
