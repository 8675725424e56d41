using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;

namespace Pipeline.Tests.Hosts;

public sealed class BambooTests
{
    // Bamboo variables become bamboo_<name> environment variables (the Bamboo variables page).
    private static readonly string[] Common =
    [
        "bamboo_agentId=131073",
        "bamboo_planKey=ACME-APP",
        "bamboo_buildKey=ACME-APP-JOB1",
        "bamboo_buildNumber=57",
        "bamboo_buildResultKey=ACME-APP-JOB1-57",
        "bamboo_buildResultsUrl=https://bamboo.example.com/browse/ACME-APP-JOB1-57",
        "bamboo_resultsUrl=https://bamboo.example.com/browse/ACME-APP-JOB1-57",
        "bamboo_planRepository_revision=0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c",
    ];

    private static readonly Bamboo Host = new();

    internal static HostEnvironment BranchBuild() => Env.Of([.. Common, "bamboo_planRepository_branchName=main", "bamboo_planRepository_branch=main"]);

    // Bamboo has no tag variable: a build of a tagged commit looks like one of its plan branch.
    internal static HostEnvironment TagBuild() => Env.Of([.. Common, "bamboo_planRepository_branchName=release/1.2"]);

    // A plan branch created for a pull request (Bamboo 6.9+); the target may come as a full ref.
    internal static HostEnvironment PullRequestBuild() => Env.Of(
    [
        .. Common,
        "bamboo_planRepository_branchName=feature/login",
        "bamboo_repository_pr_key=42",
        "bamboo_repository_pr_sourceBranch=feature/login",
        "bamboo_repository_pr_targetBranch=refs/heads/main",
    ]);

    private static BuildIdentity Expected(string reference, string branch, PullRequest? pullRequest = null) => new()
    {
        Host = "bamboo",
        Ref = reference,
        Branch = branch,
        Commit = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c",
        PullRequest = pullRequest,
        BuildNumber = "57",
        BuildId = "ACME-APP-JOB1-57",
        BuildUrl = "https://bamboo.example.com/browse/ACME-APP-JOB1-57",
    };

    [Fact]
    public void Branch_build() => Assert.Equal(Expected("refs/heads/main", "main"), Host.ReadIdentity(BranchBuild()));

    [Fact]
    public void Tag_build_leaves_the_tag_to_git() =>
        Assert.Equal(Expected("refs/heads/release/1.2", "release/1.2"), Host.ReadIdentity(TagBuild()));

    [Fact]
    public void Pull_request_build_reads_the_pull_request_variables() =>
        Assert.Equal(
            Expected("refs/pull/42/merge", "feature/login", new PullRequest("42", "feature/login", "main")),
            Host.ReadIdentity(PullRequestBuild()));

    [Fact]
    public void Nothing_is_runtime()
    {
        Assert.Empty(Host.BeginGroup("Compile"));
        Assert.Empty(Host.Annotate(Samples.Error));
        Assert.Empty(Host.RegisterSecret("s3cr3t"));
        Assert.Empty(Host.PublishSummary("# Build", "/home/bamboo/xml-data/build-dir/ACME-APP-JOB1/artifacts/summary.md", BranchBuild()));
        Assert.Empty(Host.SetOutputs(Samples.Outputs, BranchBuild()));
        Assert.Empty(Host.PublishArtifact("artifacts/packages"));
        Assert.Empty(Host.SetBuildNumber("1.2.0"));
    }
}
