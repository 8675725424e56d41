using Pipeline.Delivery;
using Pipeline.Hosts;

namespace Pipeline.Tests.Hosts;

/// <summary>Each host names the person behind a run in its own variables, which its descriptor lists best first.</summary>
public sealed class HostApproverTests
{
    public static TheoryData<string, string, string?> ActorVariables() => new()
    {
        { "github-actions", "GITHUB_TRIGGERING_ACTOR", "GITHUB_ACTOR" },
        { "gitea", "GITHUB_TRIGGERING_ACTOR", "GITHUB_ACTOR" },
        { "forgejo", "GITHUB_TRIGGERING_ACTOR", "GITHUB_ACTOR" },
        { "gitlab", "GITLAB_USER_EMAIL", "GITLAB_USER_LOGIN" },
        { "azure-pipelines", "BUILD_REQUESTEDFOREMAIL", "BUILD_REQUESTEDFOR" },
        { "buildkite", "BUILDKITE_UNBLOCKER_EMAIL", "BUILDKITE_BUILD_CREATOR_EMAIL" },
        { "circleci", "CIRCLE_USERNAME", null },
        { "bitbucket", "BITBUCKET_STEP_TRIGGERER_UUID", null },
        { "jenkins", "BUILD_USER_EMAIL", "BUILD_USER_ID" },
        { "drone", "DRONE_BUILD_TRIGGER", null },
        { "bamboo", "bamboo_ManualBuildTriggerReason_userName", null },
    };

    [Theory]
    [MemberData(nameof(ActorVariables))]
    public async Task The_hosts_best_actor_variable_approves_and_the_next_stands_in_for_it(string name, string best, string? next)
    {
        var host = HostDetector.Find(name)!;
        using var folder = new TempDirectory();
        var both = new Dictionary<string, string> { [best] = "first@example.com" };
        if (next is not null)
        {
            both[next] = "second@example.com";
        }

        Assert.Equal(new Approver("first@example.com", best), await Approver.FindAsync(host, HostEnvironment.From(both), AbsolutePath.From(folder.Path), CancellationToken.None));
        if (next is not null)
        {
            var onlyNext = HostEnvironment.From(new Dictionary<string, string> { [next] = "second@example.com" });
            Assert.Equal(new Approver("second@example.com", next), await Approver.FindAsync(host, onlyNext, AbsolutePath.From(folder.Path), CancellationToken.None));
        }
    }

    [Fact]
    public void In_a_gitlab_job_a_person_started_by_hand_the_user_variables_name_the_approver_not_who_started_the_run()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["GITLAB_USER_LOGIN"] = "release-manager", ["GITLAB_USER_EMAIL"] = "rm@example.com" };
        var gitlab = HostDetector.Find("gitlab")!;

        var inManualJob = Approver.TriggeredBy(gitlab, HostEnvironment.From(new Dictionary<string, string>(variables, StringComparer.Ordinal) { ["CI_JOB_MANUAL"] = "true" }));
        var inPipelineJob = Approver.TriggeredBy(gitlab, HostEnvironment.From(variables));

        Assert.Empty(inManualJob);
        Assert.Equal(["release-manager", "rm@example.com"], inPipelineJob.Select(a => a.Identity));
    }

    [Theory]
    [InlineData("woodpecker")]
    [InlineData("travis")]
    [InlineData("teamcity")]
    [InlineData("appveyor")]
    [InlineData("generic")]
    [InlineData("local")]
    public async Task A_host_without_actor_variables_takes_none_of_another_hosts(string name)
    {
        var everyActor = ActorVariables().SelectMany(row => new[] { (string?)row[1], (string?)row[2] }).OfType<string>()
            .Distinct(StringComparer.Ordinal).ToDictionary(v => v, _ => "someone@example.com", StringComparer.Ordinal);
        using var folder = new TempDirectory();

        var approver = await Approver.FindAsync(HostDetector.Find(name)!, HostEnvironment.From(everyActor), AbsolutePath.From(folder.Path), CancellationToken.None);

        Assert.True(approver is null || approver.Source == "git config user.email", $"{name} took {approver}");
    }

    public static TheoryData<string, string[]> TriggeringVariables() => new()
    {
        { "github-actions", ["GITHUB_TRIGGERING_ACTOR", "GITHUB_ACTOR"] },
        { "gitea", ["GITHUB_TRIGGERING_ACTOR", "GITHUB_ACTOR"] },
        { "forgejo", ["GITHUB_TRIGGERING_ACTOR", "GITHUB_ACTOR"] },
        { "gitlab", ["GITLAB_USER_LOGIN", "GITLAB_USER_EMAIL"] },
        { "azure-pipelines", ["BUILD_REQUESTEDFOREMAIL", "BUILD_REQUESTEDFOR"] },
        { "buildkite", ["BUILDKITE_BUILD_CREATOR_EMAIL", "BUILDKITE_BUILD_CREATOR"] },
        { "circleci", ["CIRCLE_USERNAME"] },
        { "bitbucket", ["BITBUCKET_STEP_TRIGGERER_UUID"] },
        { "jenkins", ["BUILD_USER_EMAIL", "BUILD_USER_ID"] },
        { "drone", ["DRONE_BUILD_TRIGGER"] },
        { "bamboo", ["bamboo_ManualBuildTriggerReason_userName"] },
    };

    /// <summary>Everyone the host names as having started the run counts (a re-run has two), each with the variable that said so.</summary>
    [Theory]
    [MemberData(nameof(TriggeringVariables))]
    public void Every_person_the_host_names_as_starting_the_run_is_read_with_its_variable(string name, string[] variables)
    {
        var environment = HostEnvironment.From(variables.ToDictionary(v => v, v => $"person-of-{v}", StringComparer.Ordinal));

        var triggeredBy = Approver.TriggeredBy(HostDetector.Find(name)!, environment);

        Assert.Equal(variables.Select(v => new Approver($"person-of-{v}", v)), triggeredBy);
    }

    [Theory]
    [InlineData("woodpecker")]
    [InlineData("travis")]
    [InlineData("local")]
    public void A_host_that_names_nobody_as_starting_the_run_reads_no_other_hosts_variables(string name)
    {
        var everyVariable = TriggeringVariables().SelectMany(row => (string[])row[1]).Distinct(StringComparer.Ordinal)
            .ToDictionary(v => v, _ => "someone", StringComparer.Ordinal);

        Assert.Empty(Approver.TriggeredBy(HostDetector.Find(name)!, HostEnvironment.From(everyVariable)));
    }
}
