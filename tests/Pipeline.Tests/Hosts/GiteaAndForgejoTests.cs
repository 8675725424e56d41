using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;

namespace Pipeline.Tests.Hosts;

public sealed class GiteaAndForgejoTests
{
    // Gitea passes its AppURL, with a trailing slash, as the server URL; run_id is the database id and
    // run_number the repository's run index, which is what the run's page is addressed by.
    private static string[] Runner(string server, params string[] markers) =>
    [
        "CI=true",
        "GITHUB_ACTIONS=true",
        .. markers,
        $"GITHUB_SERVER_URL={server}",
        "GITHUB_REPOSITORY=acme/app",
        "GITHUB_SHA=7d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c",
        "GITHUB_RUN_ID=1288",
        "GITHUB_RUN_NUMBER=57",
    ];

    private static readonly string[] Gitea = Runner("https://gitea.example.com/", "GITEA_ACTIONS=true", "GITEA_ACTIONS_RUNNER_VERSION=v0.2.11");

    private static readonly string[] Forgejo = Runner("https://codeberg.org/", "GITEA_ACTIONS=true", "FORGEJO_ACTIONS=true", "FORGEJO_ACTIONS_RUNNER_VERSION=v6.3.1");

    internal static HostEnvironment GiteaBranchBuild() => Env.Of([.. Gitea, "GITHUB_REF=refs/heads/main", "GITHUB_REF_NAME=main", "GITHUB_REF_TYPE=branch"]);

    internal static HostEnvironment ForgejoBranchBuild() => Env.Of([.. Forgejo, "GITHUB_REF=refs/heads/main", "GITHUB_REF_NAME=main", "GITHUB_REF_TYPE=branch"]);

    private static BuildIdentity Expected(string host, string server, string reference, string? branch, string? tag = null, PullRequest? pullRequest = null) => new()
    {
        Host = host,
        Ref = reference,
        Branch = branch,
        Tag = tag,
        Commit = "7d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c",
        PullRequest = pullRequest,
        BuildNumber = "57",
        BuildId = "1288",
        BuildUrl = $"{server}/acme/app/actions/runs/57",
    };

    [Fact]
    public void Gitea_branch_build() =>
        Assert.Equal(Expected("gitea", "https://gitea.example.com", "refs/heads/main", "main"), new GiteaActions().ReadIdentity(GiteaBranchBuild()));

    [Fact]
    public void Gitea_tag_build() =>
        Assert.Equal(
            Expected("gitea", "https://gitea.example.com", "refs/tags/v1.2.0", null, tag: "v1.2.0"),
            new GiteaActions().ReadIdentity(Env.Of([.. Gitea, "GITHUB_REF=refs/tags/v1.2.0", "GITHUB_REF_NAME=v1.2.0", "GITHUB_REF_TYPE=tag"])));

    [Fact]
    public void Gitea_pull_request_build() =>
        Assert.Equal(
            Expected("gitea", "https://gitea.example.com", "refs/pull/42/merge", "feature/login", pullRequest: new PullRequest("42", "feature/login", "main")),
            new GiteaActions().ReadIdentity(Env.Of([.. Gitea, "GITHUB_EVENT_NAME=pull_request", "GITHUB_REF=refs/pull/42/head", "GITHUB_REF_NAME=42/head", "GITHUB_HEAD_REF=feature/login", "GITHUB_BASE_REF=main"])));

    [Fact]
    public void Forgejo_branch_build() =>
        Assert.Equal(Expected("forgejo", "https://codeberg.org", "refs/heads/main", "main"), new ForgejoActions().ReadIdentity(ForgejoBranchBuild()));

    [Fact]
    public void Forgejo_tag_build() =>
        Assert.Equal(
            Expected("forgejo", "https://codeberg.org", "refs/tags/v1.2.0", null, tag: "v1.2.0"),
            new ForgejoActions().ReadIdentity(Env.Of([.. Forgejo, "GITHUB_REF=refs/tags/v1.2.0", "GITHUB_REF_NAME=v1.2.0", "GITHUB_REF_TYPE=tag"])));

    [Fact]
    public void Forgejo_pull_request_build() =>
        Assert.Equal(
            Expected("forgejo", "https://codeberg.org", "refs/pull/42/merge", "feature/login", pullRequest: new PullRequest("42", "feature/login", "main")),
            new ForgejoActions().ReadIdentity(Env.Of([.. Forgejo, "GITHUB_EVENT_NAME=pull_request", "GITHUB_REF=refs/pull/42/head", "GITHUB_REF_NAME=42/head", "GITHUB_HEAD_REF=feature/login", "GITHUB_BASE_REF=main"])));

    [Theory]
    [InlineData("gitea")]
    [InlineData("forgejo")]
    public void Groups_masks_and_outputs_are_GitHubs_but_annotations_and_summary_are_not_produced(string name)
    {
        var host = HostDetector.Find(name)!;
        Assert.Equal(["::group::Compile", "::endgroup::"], [.. host.BeginGroup("Compile").Printed(), .. host.EndGroup("Compile").Printed()]);
        Assert.Equal([new PrintLine("::add-mask::s3cr3t", Raw: true)], host.RegisterSecret("s3cr3t"));
        Assert.Equal(
            [new AppendToFile("/var/run/act/workflow/outputcmd.txt", "VERSION=1.2.0-beta.4\n")],
            host.SetOutputs([new("VERSION", "1.2.0-beta.4")], Env.Of("GITHUB_OUTPUT=/var/run/act/workflow/outputcmd.txt")));
        Assert.Empty(host.Annotate(Samples.Error));
        Assert.Empty(host.PublishSummary("# Build", "/workspace/acme/app/artifacts/summary.md", Env.Of("GITHUB_STEP_SUMMARY=/var/run/act/workflow/SUMMARY.md")));
        Assert.Empty(host.PublishArtifact("artifacts/packages"));
        Assert.Empty(host.SetBuildNumber("1.2.0"));
    }

    [Fact]
    public void Names_differ_from_GitHub()
    {
        Assert.Equal(("gitea", "Gitea Actions"), (new GiteaActions().Name, new GiteaActions().DisplayName));
        Assert.Equal(("forgejo", "Forgejo Actions"), (new ForgejoActions().Name, new ForgejoActions().DisplayName));
    }
}
