using Pipeline.Hosts;
using Pipeline.Runner.Scripting;

namespace Pipeline.Tests.Scripting;

public sealed class RunnerHostTests
{
    private static readonly HostEnvironment OnGitLab = HostEnvironment.From(new Dictionary<string, string> { ["GITLAB_CI"] = "true", ["CI"] = "true" });

    [Fact]
    public void The_host_named_with_host_option_wins_over_the_detected_one()
    {
        Assert.Equal("github-actions", RunnerHost.From("github-actions", OnGitLab).Name);
    }

    [Fact]
    public void Without_a_known_host_name_the_host_is_detected_from_the_given_environment()
    {
        Assert.Equal("gitlab", RunnerHost.From(null, OnGitLab).Name);
        Assert.Equal("gitlab", RunnerHost.From("no-such-host", OnGitLab).Name);
    }
}
