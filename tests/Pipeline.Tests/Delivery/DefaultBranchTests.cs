using Pipeline.Delivery;
using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;

namespace Pipeline.Tests.Delivery;

/// <summary>Where the default branch (the one a policy without AllowRefs releases from) is learnt, best source first.</summary>
public sealed class DefaultBranchTests : IDisposable
{
    private static readonly HostEnvironment NoVariables = HostEnvironment.From(new Dictionary<string, string>());
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_hosts_variable_wins_over_git()
    {
        await RepositoryWithOriginHeadAsync("trunk");
        var gitLab = HostEnvironment.From(new Dictionary<string, string> { ["GITLAB_CI"] = "true", ["CI_DEFAULT_BRANCH"] = "develop" });

        var found = await DefaultBranch.FindAsync(new GitLabCi(), gitLab, Root, CancellationToken.None);

        Assert.Equal(new DefaultBranch("develop", "CI_DEFAULT_BRANCH"), found);
    }

    [Fact]
    public async Task On_github_actions_the_event_payload_names_it()
    {
        await RepositoryWithOriginHeadAsync("trunk");
        var payload = _temp.Combine("event.json");
        File.WriteAllText(payload, """{ "ref": "refs/heads/feature", "repository": { "default_branch": "production-line" } }""");
        var gitHub = HostEnvironment.From(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_EVENT_PATH"] = payload });

        var found = await DefaultBranch.FindAsync(new GitHubActions(), gitHub, Root, CancellationToken.None);

        Assert.Equal(new DefaultBranch("production-line", "the event payload's repository.default_branch"), found);
    }

    [Fact]
    public async Task Locally_origins_head_names_it_before_init_default_branch()
    {
        await RepositoryWithOriginHeadAsync("trunk");
        await GitAsync(_temp.Combine("clone"), "config", "init.defaultBranch", "elsewhere");

        var found = await DefaultBranch.FindAsync(new LocalHost(), NoVariables, Root, CancellationToken.None);

        Assert.Equal(new DefaultBranch("trunk", "git symbolic-ref refs/remotes/origin/HEAD"), found);
    }

    [Fact]
    public async Task Without_an_origin_init_default_branch_names_it()
    {
        Directory.CreateDirectory(_temp.Combine("clone"));
        await GitAsync(_temp.Combine("clone"), "init", "--quiet");
        await GitAsync(_temp.Combine("clone"), "config", "init.defaultBranch", "stable");

        var found = await DefaultBranch.FindAsync(new LocalHost(), NoVariables, Root, CancellationToken.None);

        Assert.Equal(new DefaultBranch("stable", "git config init.defaultBranch"), found);
    }

    private AbsolutePath Root => AbsolutePath.From(_temp.Combine("clone"));

    /// <summary>A bare origin whose HEAD is <paramref name="branch"/>, cloned into <c>clone/</c>.</summary>
    private async Task RepositoryWithOriginHeadAsync(string branch)
    {
        var seed = _temp.Combine("seed");
        Directory.CreateDirectory(seed);
        await GitAsync(seed, "init", "--quiet", $"--initial-branch={branch}");
        await GitAsync(seed, "-c", "user.email=dev@example.com", "-c", "user.name=Dev", "commit", "--quiet", "--allow-empty", "-m", "Initial commit");
        await GitAsync(_temp.Path, "clone", "--quiet", "--bare", seed, _temp.Combine("origin.git"));
        await GitAsync(_temp.Path, "clone", "--quiet", _temp.Combine("origin.git"), _temp.Combine("clone"));
    }

    private static Task GitAsync(string directory, params string[] arguments) =>
        Cmd.RunAsync("git", arguments, new CommandOptions { WorkingDirectory = directory, Quiet = true });
}
