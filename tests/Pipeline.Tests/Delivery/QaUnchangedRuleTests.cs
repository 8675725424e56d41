using Pipeline.Delivery;
using Pipeline.Delivery.Deployers;
using Pipeline.Delivery.Rules;
using Pipeline.Hosts;

namespace Pipeline.Tests.Delivery;

/// <summary>The <c>qa-unchanged</c> rule judges what QA gave back of the candidate: unchanged, changed (naming the file), gone, or unreadable.</summary>
public sealed class QaUnchangedRuleTests : IDisposable
{
    private static readonly BuildIdentity OnMain = new() { Host = "local", Ref = "refs/heads/main", Branch = "main", Commit = "0123abcd" };
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 16, 40, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private ReleaseFacts Facts(ReadBackCheck? readBack)
    {
        var folder = _temp.Combine("candidate");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "App.1.2.0.nupkg"), "package bytes");
        var manifest = ReleaseManifest.Create(folder, "1.2.0", OnMain, dirty: false, Now);
        return new ReleaseFacts
        {
            Candidate = new Deployment("production", manifest, manifest.Digest, AbsolutePath.From(folder)),
            Environment = new DeliveryEnvironment("production", EnvironmentKind.Production, AbsolutePath.From(_temp.Combine("production"))),
            QaEnvironment = new DeliveryEnvironment("qa", EnvironmentKind.Qa, AbsolutePath.From(_temp.Combine("qa"))),
            Policy = new ReleasePolicy(),
            Mode = ReleaseMode.Deployment,
            Identity = OnMain,
            Now = Now,
            QaReadBack = readBack,
        };
    }

    private static Pipeline.Delivery.Records.RuleVerdict? Verdict(ReleaseFacts facts) =>
        ReleaseRules.Judge(facts).SingleOrDefault(v => v.Name == "qa-unchanged");

    [Fact]
    public void Unchanged_bytes_pass_saying_where_they_were_read()
    {
        var verdict = Verdict(Facts(new ReadBackCheck(ReadBackStatus.Read, "1 files from /srv/qa/1.2.0", [], Complete: true)));

        Assert.True(verdict!.Passed);
        Assert.EndsWith(": 1 files from /srv/qa/1.2.0 match", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_file_refuses_naming_it()
    {
        var verdict = Verdict(Facts(new ReadBackCheck(ReadBackStatus.Read, "1 files from /srv/qa/1.2.0", ["changed: App.1.2.0.nupkg (sha256 aa, 3 bytes; the manifest says sha256 bb, 13 bytes)"], Complete: true)));

        Assert.False(verdict!.Passed);
        Assert.Equal("qa no longer holds what passed its checks: changed: App.1.2.0.nupkg (sha256 aa, 3 bytes; the manifest says sha256 bb, 13 bytes)", verdict.Detail);
    }

    [Fact]
    public void A_version_gone_from_qa_refuses()
    {
        var verdict = Verdict(Facts(new ReadBackCheck(ReadBackStatus.Missing, "/srv/qa/1.2.0 does not exist", [], Complete: false)));

        Assert.False(verdict!.Passed);
        Assert.Equal("qa no longer holds 1.2.0: /srv/qa/1.2.0 does not exist", verdict.Detail);
    }

    [Fact]
    public void A_deployer_that_cannot_read_back_makes_the_rule_not_applicable_and_says_so()
    {
        var verdict = Verdict(Facts(new ReadBackCheck(ReadBackStatus.NotSupported, "command deploy.sh cannot read back what it deployed", [], Complete: false)));

        Assert.True(verdict!.Passed);
        Assert.Equal("not applicable: command deploy.sh cannot read back what it deployed, so what qa holds was not compared", verdict.Detail);
    }

    [Fact]
    public void Nothing_read_back_means_no_verdict()
    {
        Assert.Null(Verdict(Facts(readBack: null)));
    }
}
