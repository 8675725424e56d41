using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;

namespace Pipeline.Tests.Hosts;

public sealed class HostDetectorTests
{
    public static TheoryData<string, string> BranchBuilds() => new()
    {
        { "github-actions", nameof(GitHubActionsTests) },
        { "gitlab", nameof(GitLabCiTests) },
        { "azure-pipelines", nameof(AzurePipelinesTests) },
        { "jenkins", nameof(JenkinsTests) },
        { "travis", nameof(TravisCiTests) },
        { "appveyor", nameof(AppVeyorTests) },
        { "bitbucket", nameof(BitbucketPipelinesTests) },
        { "circleci", nameof(CircleCiTests) },
        { "buildkite", nameof(BuildkiteTests) },
        { "drone", nameof(DroneTests) },
        { "woodpecker", nameof(WoodpeckerTests) },
        { "bamboo", nameof(BambooTests) },
    };

    private static readonly Dictionary<string, Func<HostEnvironment>[]> Fixtures = new()
    {
        [nameof(GitHubActionsTests)] = [GitHubActionsTests.BranchBuild, GitHubActionsTests.TagBuild, GitHubActionsTests.PullRequestBuild],
        [nameof(GitLabCiTests)] = [GitLabCiTests.BranchBuild, GitLabCiTests.TagBuild, GitLabCiTests.PullRequestBuild],
        [nameof(AzurePipelinesTests)] = [AzurePipelinesTests.BranchBuild, AzurePipelinesTests.TagBuild, AzurePipelinesTests.PullRequestBuild],
        [nameof(JenkinsTests)] = [JenkinsTests.BranchBuild, JenkinsTests.TagBuild, JenkinsTests.PullRequestBuild],
        [nameof(TravisCiTests)] = [TravisCiTests.BranchBuild, TravisCiTests.TagBuild, TravisCiTests.PullRequestBuild],
        [nameof(AppVeyorTests)] = [AppVeyorTests.BranchBuild, AppVeyorTests.TagBuild, AppVeyorTests.PullRequestBuild],
        [nameof(BitbucketPipelinesTests)] = [BitbucketPipelinesTests.BranchBuild, BitbucketPipelinesTests.TagBuild, BitbucketPipelinesTests.PullRequestBuild],
        [nameof(CircleCiTests)] = [CircleCiTests.BranchBuild, CircleCiTests.TagBuild, CircleCiTests.PullRequestBuild],
        [nameof(BuildkiteTests)] = [BuildkiteTests.BranchBuild, BuildkiteTests.TagBuild, BuildkiteTests.PullRequestBuild],
        [nameof(DroneTests)] = [DroneTests.BranchBuild, DroneTests.TagBuild, DroneTests.PullRequestBuild],
        [nameof(WoodpeckerTests)] = [WoodpeckerTests.BranchBuild, WoodpeckerTests.TagBuild, WoodpeckerTests.PullRequestBuild],
        [nameof(BambooTests)] = [BambooTests.BranchBuild, BambooTests.TagBuild, BambooTests.PullRequestBuild],
    };

    [Theory]
    [MemberData(nameof(BranchBuilds))]
    public void Each_hosts_documented_environment_is_detected_as_that_host(string name, string fixtures)
    {
        foreach (var environment in Fixtures[fixtures])
        {
            Assert.Equal(name, HostDetector.Detect(environment()).Name);
        }
    }

    [Fact]
    public void Forgejo_comes_before_Gitea_which_comes_before_GitHub()
    {
        Assert.Equal("forgejo", HostDetector.Detect(GiteaAndForgejoTests.ForgejoBranchBuild()).Name);
        Assert.Equal("gitea", HostDetector.Detect(GiteaAndForgejoTests.GiteaBranchBuild()).Name);
        Assert.Equal("github-actions", HostDetector.Detect(Env.Of("CI=true", "GITHUB_ACTIONS=true")).Name);
        Assert.False(new GitHubActions().IsPresent(GiteaAndForgejoTests.GiteaBranchBuild()));
        Assert.False(new GiteaActions().IsPresent(GiteaAndForgejoTests.ForgejoBranchBuild()));
    }

    [Theory]
    [InlineData("TF_BUILD=True", "azure-pipelines")]
    [InlineData("TEAMCITY_VERSION=2024.12 (build 174331)", "teamcity")]
    [InlineData("bamboo_agentId=131073", "bamboo")]
    [InlineData("bamboo_planKey=ACME-APP", "bamboo")]
    public void Hosts_that_set_no_CI_variable_are_found_by_their_own(string variable, string name) =>
        Assert.Equal(name, HostDetector.Detect(Env.Of(variable)).Name);

    [Fact]
    public void Woodpecker_is_CI_equals_woodpecker_even_with_Drone_variables()
    {
        Assert.Equal("woodpecker", HostDetector.Detect(Env.Of("CI=woodpecker")).Name);
        Assert.Equal("woodpecker", HostDetector.Detect(Env.Of("CI=woodpecker", "DRONE=true")).Name);
        Assert.Equal("drone", HostDetector.Detect(Env.Of("CI=true", "DRONE=true")).Name);
    }

    [Fact]
    public void Jenkins_needs_a_build_id_besides_its_url()
    {
        Assert.Equal("local", HostDetector.Detect(Env.Of("JENKINS_URL=https://ci.example.com/")).Name);
        Assert.Equal("generic", HostDetector.Detect(Env.Of("JENKINS_URL=https://ci.example.com/", "CI=true")).Name);
        Assert.Equal("jenkins", HostDetector.Detect(Env.Of("JENKINS_URL=https://ci.example.com/", "BUILD_ID=57", "CI=true")).Name);
    }

    [Theory]
    [InlineData("CI=true", "generic")]
    [InlineData("CI=1", "generic")]
    [InlineData("CI=yes", "generic")]
    [InlineData("CI=false", "local")]
    [InlineData("CI=False", "local")]
    [InlineData("CI=0", "local")]
    [InlineData("CI=", "local")]
    [InlineData("HOME=/home/dev", "local")]
    public void Generic_CI_is_any_CI_value_but_false_or_0(string variable, string name) =>
        Assert.Equal(name, HostDetector.Detect(Env.Of(variable)).Name);

    [Fact]
    public void CI_false_does_not_hide_a_named_host() =>
        Assert.Equal("github-actions", HostDetector.Detect(Env.Of("CI=false", "GITHUB_ACTIONS=true")).Name);

    [Fact]
    public void Hosts_are_asked_in_the_documented_order() =>
        Assert.Equal(
            ["forgejo", "gitea", "github-actions", "gitlab", "azure-pipelines", "teamcity", "bamboo", "jenkins", "travis", "appveyor", "bitbucket", "circleci", "buildkite", "woodpecker", "drone", "generic", "local"],
            HostDetector.Names);

    [Theory]
    [InlineData("gitlab", typeof(GitLabCi))]
    [InlineData("GitHub-Actions", typeof(GitHubActions))]
    [InlineData("LOCAL", typeof(LocalHost))]
    [InlineData(" teamcity ", typeof(TeamCity))]
    public void Find_is_case_insensitive(string name, Type type) =>
        Assert.IsType(type, HostDetector.Find(name));

    [Fact]
    public void Find_returns_null_for_an_unknown_name() => Assert.Null(HostDetector.Find("hudson"));

    [Fact]
    public void Names_are_unique_and_every_host_is_listed()
    {
        Assert.Equal(HostDetector.Names.Count, HostDetector.Names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var hostTypes = typeof(CiHost).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CiHost)) && !t.IsAbstract).ToHashSet();
        Assert.Equal(hostTypes, HostDetector.All.Select(h => h.GetType()).ToHashSet());
    }

    [Fact]
    public void Local_machine_is_local_and_generic_CI_leaves_the_identity_to_git()
    {
        Assert.Equal(new BuildIdentity { Host = "local", IsLocal = true }, HostDetector.Detect(Env.Of()).ReadIdentity(Env.Of()));
        var generic = Env.Of("CI=true", "BUILD_NUMBER=57", "GIT_BRANCH=main");
        Assert.Equal(new BuildIdentity { Host = "generic" }, HostDetector.Detect(generic).ReadIdentity(generic));
    }
}
