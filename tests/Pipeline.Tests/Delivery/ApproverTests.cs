using Pipeline.Delivery;
using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;

namespace Pipeline.Tests.Delivery;

public class ApproverTests
{
    [Fact]
    public async Task On_GitHub_Actions_the_triggering_actor_approves_before_the_actor()
    {
        var environment = HostEnvironment.From(new Dictionary<string, string> { ["GITHUB_ACTOR"] = "octocat", ["GITHUB_TRIGGERING_ACTOR"] = "hubot" });

        var approver = await Approver.FindAsync(new GitHubActions(), environment, AbsolutePath.From(Path.GetTempPath()), CancellationToken.None);

        Assert.Equal(new Approver("hubot", "GITHUB_TRIGGERING_ACTOR"), approver);
    }

    [Fact]
    public async Task On_GitLab_the_user_email_approves()
    {
        var environment = HostEnvironment.From(new Dictionary<string, string> { ["GITLAB_USER_EMAIL"] = "ops@example.com", ["GITLAB_USER_LOGIN"] = "ops" });

        var approver = await Approver.FindAsync(new GitLabCi(), environment, AbsolutePath.From(Path.GetTempPath()), CancellationToken.None);

        Assert.Equal(new Approver("ops@example.com", "GITLAB_USER_EMAIL"), approver);
    }

    [Fact]
    public async Task Locally_git_user_email_approves()
    {
        using var folder = new TempDirectory();
        await Cmd.RunAsync("git", ["init", "--quiet", folder.Path], new CommandOptions { Quiet = true });
        await Cmd.RunAsync("git", ["config", "user.email", "dev@example.com"], new CommandOptions { WorkingDirectory = folder.Path, Quiet = true });

        var approver = await Approver.FindAsync(new LocalHost(), HostEnvironment.From(new Dictionary<string, string>()), AbsolutePath.From(folder.Path), CancellationToken.None);

        Assert.Equal(new Approver("dev@example.com", "git config user.email"), approver);
    }
}
