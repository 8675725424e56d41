using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;

namespace Pipeline.Tests.Hosts;

public sealed class TeamCityTests : IDisposable
{
    private static readonly TeamCity Host = new();

    private readonly string _directory = Directory.CreateTempSubdirectory("pipeline-teamcity-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>
    /// A TeamCity agent's view: environment variables, and the two parameter files in java.util.Properties form
    /// (paths escaped as Properties.store writes them, e.g. C\:\\BuildAgent\\temp on Windows).
    /// </summary>
    private HostEnvironment Agent(params string[] configurationParameters)
    {
        var configurationFile = Path.Combine(_directory, "teamcity.config.parameters");
        var buildFile = Path.Combine(_directory, "teamcity.build.properties");
        File.WriteAllLines(configurationFile, ["#TeamCity build configuration parameters", "#Fri Mar 15 12:00:00 UTC 2024", .. configurationParameters, "teamcity.agent.name=Default Agent"]);
        File.WriteAllLines(buildFile,
        [
            "#TeamCity build properties without 'system.' prefix",
            "teamcity.build.id=4242",
            "teamcity.buildType.id=Acme_App_Build",
            $"teamcity.configuration.properties.file={JavaEscape(configurationFile)}",
            "teamcity.version=2024.12 (build 174331)",
        ]);
        return Env.Of(
            "TEAMCITY_VERSION=2024.12 (build 174331)",
            "TEAMCITY_PROJECT_NAME=Acme",
            "TEAMCITY_BUILDCONF_NAME=Build",
            "BUILD_NUMBER=57",
            "BUILD_VCS_NUMBER=2f0e4c1d9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e",
            "BUILD_URL=https://teamcity.example.com/buildConfiguration/Acme_App_Build/4242",
            $"TEAMCITY_BUILD_PROPERTIES_FILE={buildFile}");
    }

    private static string JavaEscape(string path) => path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(":", "\\:", StringComparison.Ordinal);

    private static BuildIdentity Expected(string? reference, string? branch, string? tag = null, PullRequest? pullRequest = null) => new()
    {
        Host = "teamcity",
        Ref = reference,
        Branch = branch,
        Tag = tag,
        Commit = "2f0e4c1d9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e",
        PullRequest = pullRequest,
        BuildNumber = "57",
        BuildId = "4242",
        BuildUrl = "https://teamcity.example.com/buildConfiguration/Acme_App_Build/4242",
    };

    [Fact]
    public void Branch_build_reads_the_full_ref_from_the_configuration_parameters() =>
        Assert.Equal(
            Expected("refs/heads/feature/login", "feature/login"),
            Host.ReadIdentity(Agent("teamcity.build.branch=feature/login", "teamcity.build.vcs.branch.Acme_App_GitRoot=refs/heads/feature/login", "vcsroot.branch=refs/heads/main")));

    [Fact]
    public void Tag_build_is_known_from_the_full_ref_and_has_no_branch() =>
        Assert.Equal(
            Expected("refs/tags/v1.2.0", null, tag: "v1.2.0"),
            Host.ReadIdentity(Agent("teamcity.build.branch=v1.2.0", "teamcity.build.vcs.branch.Acme_App_GitRoot=refs/tags/v1.2.0")));

    [Fact]
    public void Pull_request_build_reads_the_pull_requests_feature_parameters() =>
        Assert.Equal(
            Expected("refs/pull/42/merge", "feature/login", pullRequest: new PullRequest("42", "feature/login", "main")),
            Host.ReadIdentity(Agent(
                "teamcity.build.branch=pull/42",
                "teamcity.build.vcs.branch.Acme_App_GitRoot=refs/pull/42/head",
                "teamcity.pullRequest.number=42",
                "teamcity.pullRequest.source.branch=feature/login",
                "teamcity.pullRequest.target.branch=main",
                "teamcity.pullRequest.title=Add login")));

    [Fact]
    public void Logical_branch_name_is_used_when_no_full_ref_is_known_and_default_means_unknown()
    {
        Assert.Equal(Expected("refs/heads/main", "main"), Host.ReadIdentity(Agent("teamcity.build.branch=main")));
        Assert.Equal(Expected(null, null), Host.ReadIdentity(Agent("teamcity.build.branch=<default>")));
    }

    [Fact]
    public void Git_Branch_mapped_by_the_user_wins()
    {
        var environment = Agent("teamcity.build.branch=main", "teamcity.build.vcs.branch.Acme_App_GitRoot=refs/heads/main");
        var withMapping = new HostEnvironment(name => name == "Git_Branch" ? "refs/tags/v1.2.0" : environment[name]);
        Assert.Equal(Expected("refs/tags/v1.2.0", null, tag: "v1.2.0"), Host.ReadIdentity(withMapping));
    }

    [Fact]
    public void Without_the_properties_file_only_the_environment_is_read() =>
        Assert.Equal(
            Expected(null, null) with { BuildId = null },
            Host.ReadIdentity(Env.Of("TEAMCITY_VERSION=2024.12", "BUILD_NUMBER=57", "BUILD_VCS_NUMBER=2f0e4c1d9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e", "BUILD_URL=https://teamcity.example.com/buildConfiguration/Acme_App_Build/4242")));

    [Fact]
    public void Blocks_open_and_close_by_escaped_name() =>
        Assert.Equal(
            ["##teamcity[blockOpened name='Test |[net10.0|]']", "##teamcity[blockClosed name='Test |[net10.0|]']"],
            [.. Host.BeginGroup("Test [net10.0]").Printed(), .. Host.EndGroup("Test [net10.0]").Printed()]);

    [Fact]
    public void Error_annotation_is_an_error_message_with_the_location_in_the_text() =>
        Assert.Equal(
            ["##teamcity[message text='src/App/Program.cs(12,5): Build failed: CS0103: The name |'x|' does not exist' status='ERROR']"],
            Host.Annotate(Samples.Error).Printed());

    [Fact]
    public void Warning_annotation() =>
        Assert.Equal(["##teamcity[message text='Package is deprecated' status='WARNING']"], Host.Annotate(Samples.Warning).Printed());

    [Fact]
    public void Values_escape_every_special_character() =>
        Assert.Equal("|' |n |r |[ |] || |0x2028", TeamCity.Escape("' \n \r [ ] | \u2028"));

    [Fact]
    public void Outputs_are_env_parameters() =>
        Assert.Equal(
            ["##teamcity[setParameter name='env.VERSION' value='1.2.0-beta.4']", "##teamcity[setParameter name='env.NOTES' value='line one|nline |'two|'']"],
            Host.SetOutputs([new("VERSION", "1.2.0-beta.4"), new("NOTES", "line one\nline 'two'")], Env.Of()).Printed());

    [Fact]
    public void Artifact_and_build_number()
    {
        Assert.Equal(["##teamcity[publishArtifacts '/opt/buildagent/work/acme/artifacts/packages']"], Host.PublishArtifact("/opt/buildagent/work/acme/artifacts/packages").Printed());
        Assert.Equal(["##teamcity[buildNumber '1.2.0-beta.4']"], Host.SetBuildNumber("1.2.0-beta.4").Printed());
    }

    [Fact]
    public void Secrets_and_summary_are_not_runtime()
    {
        Assert.Empty(Host.RegisterSecret("s3cr3t"));
        Assert.Empty(Host.PublishSummary("# Build", "/opt/buildagent/work/acme/artifacts/summary.md", Env.Of()));
    }
}
