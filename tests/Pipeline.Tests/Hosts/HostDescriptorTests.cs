using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;

namespace Pipeline.Tests.Hosts;

/// <summary>The pieces host descriptors are made of: detection tests, address templates, capability tables, variable forms.</summary>
public sealed class HostDescriptorTests
{
    [Fact]
    public void Every_host_is_described_by_its_own_name()
    {
        Assert.Equal(HostDetector.Names, HostDetector.All.Select(h => h.Descriptor.Name));
        Assert.Equal(HostDetector.Names.Count, HostDetector.All.Select(h => h.Descriptor).Distinct().Count());
    }

    [Fact]
    public void Drone_and_Woodpecker_read_the_same_shape_from_their_own_variables()
    {
        var drone = new Drone().ReadIdentity(DroneTests.PullRequestBuild());
        var woodpecker = new Woodpecker().ReadIdentity(WoodpeckerTests.PullRequestBuild());
        Assert.Equal(("drone", "refs/pull/42/merge", "feature/develop", "master"), (drone.Host, drone.Ref, drone.Branch, drone.PullRequest?.TargetBranch));
        Assert.Equal(("woodpecker", "refs/pull/1/merge", "issue-branch", "main"), (woodpecker.Host, woodpecker.Ref, woodpecker.Branch, woodpecker.PullRequest?.TargetBranch));
        Assert.Equal(Drone.Description.Capabilities, Woodpecker.Description.Capabilities);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("FALSE")]
    [InlineData(" 0 ")]
    public void CI_false_or_0_is_an_opt_out(string value) =>
        Assert.True(VariableTest.IsOptOut("CI").Holds(Env.Of($"CI={value}")));

    [Fact]
    public void A_detection_without_tests_always_matches_and_any_of_needs_one() =>
        Assert.Equal(
            (true, false, true),
            (new HostDetection().Matches(Env.Of()),
             new HostDetection { AnyOf = [VariableTest.IsSet("A"), VariableTest.IsSet("B")] }.Matches(Env.Of()),
             new HostDetection { AnyOf = [VariableTest.IsSet("A"), VariableTest.IsSet("B")] }.Matches(Env.Of("B=1"))));

    [Fact]
    public void An_address_is_filled_from_variables_and_a_leading_server_loses_its_trailing_slash() =>
        Assert.Equal(
            "https://git.example.com/acme/app/actions/runs/7",
            new UrlTemplate("{SERVER}/{REPOSITORY}/actions/runs/{RUN}").Fill(Env.Of("SERVER=https://git.example.com/", "REPOSITORY=acme/app", "RUN=7")));

    [Fact]
    public void An_address_with_a_variable_unset_is_none() =>
        Assert.Null(new UrlTemplate("https://bitbucket.org/{REPOSITORY}/pipelines/results/{NUMBER}").Fill(Env.Of("REPOSITORY=acme/app")));

    [Fact]
    public void A_capability_declared_both_at_run_time_and_in_configuration_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => CapabilityTable.Of(runtime: [HostCapability.Groups], configurationOnly: [HostCapability.Groups]));
        Assert.StartsWith("Groups cannot be both", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(ValueForm.UnlessFalse), "false", null)]
    [InlineData(nameof(ValueForm.UnlessFalse), "42", "42")]
    [InlineData(nameof(ValueForm.BranchOfRef), "refs/heads/feature/x", "feature/x")]
    [InlineData(nameof(ValueForm.BranchOfRef), "refs/tags/v1", null)]
    [InlineData(nameof(ValueForm.RemoteBranch), "origin/feature/x", "feature/x")]
    [InlineData(nameof(ValueForm.RemoteBranch), "refs/remotes/origin/main", "main")]
    [InlineData(nameof(ValueForm.CommitSha), "HEAD", null)]
    [InlineData(nameof(ValueForm.CommitSha), "bcdd4bf", "bcdd4bf")]
    [InlineData(nameof(ValueForm.NumberAtEndOfUrl), "https://github.com/acme/app/pull/42/", "42")]
    [InlineData(nameof(ValueForm.NumberAtEndOfUrl), "https://github.com/acme/app/pulls", null)]
    public void A_variable_is_read_in_its_form(string form, string value, string? expected) =>
        Assert.Equal(expected, new VariableRead("V", Enum.Parse<ValueForm>(form)).From(Env.Of($"V={value}")));

    [Fact]
    public void A_variable_that_counts_only_when_another_is_true_is_ignored_otherwise() =>
        Assert.Equal(
            (null, "v1.2.0"),
            (new VariableRead("TAG_NAME") { OnlyWhenTrue = "IS_TAG" }.From(Env.Of("TAG_NAME=v1.2.0", "IS_TAG=false")),
             new VariableRead("TAG_NAME") { OnlyWhenTrue = "IS_TAG" }.From(Env.Of("TAG_NAME=v1.2.0", "IS_TAG=True"))));
}
