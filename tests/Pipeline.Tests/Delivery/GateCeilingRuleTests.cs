using Pipeline.Delivery;
using Pipeline.Delivery.Rules;
using Pipeline.Hosts;
using static Pipeline.Tests.Delivery.VerdictAssertions;

namespace Pipeline.Tests.Delivery;

/// <summary>
/// The rules that keep the script the ceiling of a release: <c>release-mode</c> (the command line and the
/// environment may only make the mode stricter) and <c>allowed-ref</c> without <c>AllowRefs</c> (the default
/// branch or a SemVer tag; never a pull request, not even for a rollback).
/// </summary>
public sealed class GateCeilingRuleTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 16, 40, 0, TimeSpan.Zero);
    private static readonly BuildIdentity OnMain = new() { Host = "local", Ref = "refs/heads/main", Branch = "main", Commit = "0123abcd" };
    private static readonly DefaultBranch Main = new("main", "git symbolic-ref refs/remotes/origin/HEAD");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    // ---- release-mode ----

    [Fact]
    public void A_weaker_mode_asked_for_is_refused_and_the_pass_keeps_the_scripts_mode()
    {
        var choice = ModeChoice.Of(new ReleasePolicy(), new DeliveryRequest { Mode = ReleaseMode.Deployment, ModeSource = "PIPELINE_RELEASE_MODE" });

        Assert.Equal(ReleaseMode.Delivery, choice.Effective);
        var verdict = Verdict(Facts(choice), "release-mode");
        Assert.False(verdict.Passed);
        Assert.Equal(
            "PIPELINE_RELEASE_MODE asks for continuous deployment, but the script requires continuous delivery and does not allow it to be weakened; " +
            "approve the release with --approve, or let the script allow it with ReleasePolicy.AllowModeOverride()",
            verdict.Detail);
    }

    [Fact]
    public void A_weaker_mode_is_taken_when_the_script_allows_it()
    {
        var choice = ModeChoice.Of(new ReleasePolicy().AllowModeOverride(), new DeliveryRequest { Mode = ReleaseMode.Deployment, ModeSource = "--release-mode" });

        Assert.Equal(ReleaseMode.Deployment, choice.Effective);
        AssertPass(Verdict(Facts(choice), "release-mode"), "continuous deployment from --release-mode: the script's continuous delivery allows it (AllowModeOverride)");
    }

    [Fact]
    public void A_stricter_mode_is_always_taken()
    {
        var choice = ModeChoice.Of(new ReleasePolicy().ContinuousDeployment(), new DeliveryRequest { Mode = ReleaseMode.Delivery, ModeSource = "--release-mode" });

        Assert.Equal(ReleaseMode.Delivery, choice.Effective);
        AssertPass(Verdict(Facts(choice), "release-mode"), "continuous delivery from --release-mode: stricter than the script's continuous deployment");
    }

    [Fact]
    public void The_mode_rule_is_judged_only_when_a_mode_was_asked_for()
    {
        var choice = ModeChoice.Of(new ReleasePolicy(), new DeliveryRequest());

        Assert.Equal(ReleaseMode.Delivery, choice.Effective);
        Assert.DoesNotContain(ReleaseRules.Judge(Facts(choice)), v => v.Name == "release-mode");
    }

    // ---- allowed-ref without AllowRefs ----

    [Fact]
    public void Without_allow_refs_the_default_branch_releases_and_another_branch_is_refused_naming_where_the_default_came_from()
    {
        AssertPass(Verdict(Facts(), "allowed-ref"), "refs/heads/main is the default branch (git symbolic-ref refs/remotes/origin/HEAD)");

        var feature = OnMain with { Ref = "refs/heads/feature/x", Branch = "feature/x" };
        AssertFail(
            Verdict(Facts() with { Identity = feature }, "allowed-ref"),
            "refs/heads/feature/x is neither the default branch main (git symbolic-ref refs/remotes/origin/HEAD) nor a SemVer tag; name the refs that may release with ReleasePolicy.AllowRefs(...)");
    }

    [Theory]
    [InlineData("v1.2.3", true)]
    [InlineData("1.2.3", true)]
    [InlineData("v2.0.0-rc.1", true)]
    [InlineData("release-1.2", false)]
    [InlineData("v1.2", false)]
    [InlineData("v01.2.3", false)]
    public void Without_allow_refs_a_tag_releases_only_when_it_is_a_semver_version(string tag, bool releases)
    {
        var tagged = new BuildIdentity { Host = "local", Ref = $"refs/tags/{tag}", Tag = tag, Commit = "0123abcd" };

        var verdict = Verdict(Facts() with { Identity = tagged }, "allowed-ref");

        Assert.Equal(releases, verdict.Passed);
        Assert.Equal(
            releases ? $"refs/tags/{tag} is a SemVer tag" : $"refs/tags/{tag} is not a SemVer tag (v1.2.3 or 1.2.3); name the refs that may release with ReleasePolicy.AllowRefs(...)",
            verdict.Detail);
    }

    [Fact]
    public void A_pull_request_is_refused_without_allow_refs_and_for_a_rollback_too()
    {
        var pullRequest = new BuildIdentity { Host = "github-actions", Ref = "refs/pull/42/merge", Branch = "main", PullRequest = new PullRequest("42", "main", "main") };
        const string Detail = "pull request 42 never releases; release from the branch it merges into once it is merged";

        AssertFail(Verdict(Facts() with { Identity = pullRequest }, "allowed-ref"), Detail);
        AssertFail(Verdict(Facts() with { Identity = pullRequest, IsRollback = true, DefaultBranch = null }, "allowed-ref"), Detail);
    }

    [Fact]
    public void A_rollback_from_another_branch_and_a_qa_deployment_are_not_judged_by_refs()
    {
        var feature = OnMain with { Ref = "refs/heads/feature/x", Branch = "feature/x" };

        Assert.DoesNotContain(ReleaseRules.Judge(Facts() with { Identity = feature, IsRollback = true }), v => v.Name == "allowed-ref");
        Assert.DoesNotContain(ReleaseRules.Judge(Facts() with { Identity = feature, IsQaDeployment = true }), v => v.Name == "allowed-ref");
    }

    // ---- facts ----

    private ReleaseFacts Facts(ModeChoice? choice = null)
    {
        var folder = _temp.Combine("candidate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "App.1.2.0.nupkg"), "package bytes");
        var manifest = ReleaseManifest.Create(folder, "1.2.0", OnMain, dirty: false, Now.AddHours(-1));
        manifest.WriteTo(folder);
        return new ReleaseFacts
        {
            Candidate = new Deployment("production", manifest, manifest.Digest, AbsolutePath.From(folder)),
            Environment = new DeliveryEnvironment("production", EnvironmentKind.Production, AbsolutePath.From(_temp.Combine("production"))),
            Policy = new ReleasePolicy(),
            Mode = choice?.Effective ?? ReleaseMode.Delivery,
            ModeChoice = choice,
            Identity = OnMain,
            Now = Now,
            DefaultBranch = Main,
        };
    }
}
