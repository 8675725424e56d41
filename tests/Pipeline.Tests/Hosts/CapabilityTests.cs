using Pipeline.Hosts;

namespace Pipeline.Tests.Hosts;

/// <summary>
/// Keeps each host's capability table true to its code: every capability is declared, and a capability is
/// Runtime exactly when the host produces effects for it (ConfigurationOnly and None produce nothing).
/// </summary>
public sealed class CapabilityTests
{
    /// <summary>Everything a host may need to act at run time: the files its protocol writes to.</summary>
    private static readonly HostEnvironment Everything = Env.Of(
        "GITHUB_STEP_SUMMARY=/tmp/step_summary",
        "GITHUB_OUTPUT=/tmp/output",
        "CI_PROJECT_DIR=/builds/acme/app",
        "BITBUCKET_PIPELINES_VARIABLES_PATH=/tmp/variables.env",
        "BASH_ENV=/tmp/.bash_env");

    public static TheoryData<string> Hosts() => [.. HostDetector.Names];

    private static IEnumerable<HostEffect> Effects(CiHost host, HostCapability capability) => capability switch
    {
        HostCapability.Groups => host.BeginGroup("Compile"),
        HostCapability.Annotations => [.. host.Annotate(Samples.Error), .. host.Annotate(Samples.Warning)],
        HostCapability.Masking => host.RegisterSecret("s3cr3t-value"),
        HostCapability.JobSummary => host.PublishSummary("# Build\n\n| Target | Result |\n|---|---|\n| Compile | ok |", "/w/artifacts/summary.md", Everything),
        HostCapability.Outputs => host.SetOutputs(Samples.Outputs, Everything),
        HostCapability.Artifacts => host.PublishArtifact("/w/artifacts/packages"),
        HostCapability.BuildNumber => host.SetBuildNumber("1.2.0-beta.4"),
        HostCapability.Approvals => [],
        _ => throw new ArgumentOutOfRangeException(nameof(capability)),
    };

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Every_capability_is_declared(string name)
    {
        var host = HostDetector.Find(name)!;
        Assert.Equal(Enum.GetValues<HostCapability>().ToHashSet(), host.Capabilities.Keys.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Runtime_support_is_exactly_where_the_host_produces_effects(string name)
    {
        var host = HostDetector.Find(name)!;
        var mismatches = Enum.GetValues<HostCapability>()
            .Where(c => (host.Supports(c) == CapabilitySupport.Runtime) != Effects(host, c).Any())
            .Select(c => $"{c}: declared {host.Supports(c)}")
            .ToList();
        Assert.Empty(mismatches);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void A_host_with_groups_closes_nothing_it_did_not_open(string name)
    {
        var host = HostDetector.Find(name)!;
        if (!host.BeginGroup("Compile").Any())
        {
            Assert.Empty(host.EndGroup("Compile"));
        }
    }

    [Fact]
    public void Approvals_are_never_a_runtime_capability() =>
        Assert.DoesNotContain(HostDetector.All, h => h.Supports(HostCapability.Approvals) == CapabilitySupport.Runtime);

    [Fact]
    public void Reference_facts_about_runtime_artifacts_and_build_numbers_hold()
    {
        string[] runtimeArtifacts = ["azure-pipelines", "teamcity", "appveyor", "buildkite"];
        string[] configurationArtifacts = ["github-actions", "gitlab", "circleci", "bitbucket", "jenkins", "bamboo"];
        string[] runtimeBuildNumber = ["azure-pipelines", "teamcity", "appveyor"];
        Assert.All(runtimeArtifacts, n => Assert.Equal(CapabilitySupport.Runtime, HostDetector.Find(n)!.Supports(HostCapability.Artifacts)));
        Assert.All(configurationArtifacts, n => Assert.Equal(CapabilitySupport.ConfigurationOnly, HostDetector.Find(n)!.Supports(HostCapability.Artifacts)));
        Assert.Equal(
            runtimeBuildNumber.Order(StringComparer.Ordinal),
            HostDetector.All.Where(h => h.Supports(HostCapability.BuildNumber) == CapabilitySupport.Runtime).Select(h => h.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Local_and_generic_do_nothing_at_run_time()
    {
        foreach (var name in new[] { "local", "generic" })
        {
            Assert.All(Enum.GetValues<HostCapability>(), c => Assert.Equal(CapabilitySupport.None, HostDetector.Find(name)!.Supports(c)));
        }
    }
}
