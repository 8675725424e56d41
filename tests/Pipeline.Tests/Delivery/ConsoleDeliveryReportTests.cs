using Pipeline.Delivery;
using Pipeline.Delivery.Records;
using Pipeline.Hosts;
using Pipeline.Output;

namespace Pipeline.Tests.Delivery;

/// <summary>What delivery prints, line for line as it printed before it went through a report.</summary>
public sealed class ConsoleDeliveryReportTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly StringWriter _output = new() { NewLine = "\n" };
    private readonly ConsoleDeliveryReport _report;
    private readonly Build _build = new();
    private readonly DeliveryEnvironment _qa;
    private readonly DeliveryEnvironment _production;
    private readonly Deployment _candidate;

    public ConsoleDeliveryReportTests()
    {
        _report = new ConsoleDeliveryReport(_output);
        _qa = _build.QaEnvironment();
        _production = _build.ProductionEnvironment();
        File.WriteAllText(_temp.Combine("App.1.2.0.nupkg"), "package bytes");
        var manifest = ReleaseManifest.Create(_temp.Path, "1.2.0", new BuildIdentity { Host = "local" }, false, DateTimeOffset.UnixEpoch);
        _candidate = new Deployment("production", manifest, manifest.Digest, AbsolutePath.From(_temp.Path));
    }

    public void Dispose()
    {
        _output.Dispose();
        _temp.Dispose();
    }

    private string Digest => _candidate.Digest;

    private GatePass Pass(LedgerRecordKind kind, ReleaseMode mode = ReleaseMode.Delivery)
    {
        var target = kind == LedgerRecordKind.Deployment
            ? _build.Target("Publish" + Guid.NewGuid().ToString("N")).PublishesTo(_qa, AbsolutePath.From(_temp.Path))
            : _build.Target("Release" + Guid.NewGuid().ToString("N")).Promotes(_qa, _production);
        return new GatePass(target.Delivery!, _candidate, mode, kind);
    }

    private string[] Lines() => _output.ToString().Split('\n')[..^1];

    [Fact]
    public void A_deployment_reads_as_published_already_present_or_rolled_back()
    {
        var location = _candidate with { Location = "/srv/app/1.2.0" };

        _report.Deployed(Pass(LedgerRecordKind.Release), location, LedgerOutcome.Published);
        _report.Deployed(Pass(LedgerRecordKind.Deployment), location, LedgerOutcome.Published);
        _report.Deployed(Pass(LedgerRecordKind.Rollback), location, LedgerOutcome.Published);
        _report.Deployed(Pass(LedgerRecordKind.Rollback), location, LedgerOutcome.AlreadyPresent);
        _report.Deployed(Pass(LedgerRecordKind.Release), location, LedgerOutcome.AlreadyPresent);

        Assert.Equal(
            [
                $"Released 1.2.0 {Digest} to production ({_production.Deployer.Describe()}).",
                $"Deployed 1.2.0 {Digest} to qa ({_qa.Deployer.Describe()}).",
                $"Rolled back to 1.2.0 {Digest} to production ({_production.Deployer.Describe()}).",
                $"Rolled back to 1.2.0 {Digest}: its bytes were still in production (/srv/app/1.2.0), so nothing was copied again.",
                $"1.2.0 {Digest} is already in production: nothing published again.",
            ],
            Lines());
    }

    [Fact]
    public void Verdicts_are_one_padded_line_each_and_a_dry_run_that_passes_says_nothing_changed()
    {
        RuleVerdict[] verdicts = [new(ReleaseRuleKind.Intact, true, "1 files match"), new(ReleaseRuleKind.OneAtATime, true, "no other release")];

        _report.Verdicts(Pass(LedgerRecordKind.Release), verdicts, dryRun: false);
        _report.Verdicts(Pass(LedgerRecordKind.Release, ReleaseMode.Deployment), verdicts, dryRun: true);

        Assert.Equal(
            [
                $"rules for 1.2.0 {Digest} to production (continuous delivery):",
                "  pass  intact         1 files match",
                "  pass  one-at-a-time  no other release",
                $"Dry run: rules for 1.2.0 {Digest} to production (continuous deployment):",
                "  pass  intact         1 files match",
                "  pass  one-at-a-time  no other release",
                "Dry run: 1.2.0 would go to production; nothing was changed.",
            ],
            Lines());
    }

    [Fact]
    public void Approvals_checks_and_waiting_for_the_lock_read_as_one_line_each()
    {
        var approval = new RecordStamp(_candidate, new Approver("alice@example.com", "git config user.email"), new BuildIdentity { Host = "local" })
            .Record(LedgerRecordKind.Approval, LedgerOutcome.Recorded, DateTimeOffset.UnixEpoch);

        _report.ApprovalRecorded(approval, "/records/ledger.jsonl");
        _report.CheckStarting(_qa, "smoke", _candidate);
        _report.PassedChecks(_qa, _candidate, [new CheckVerdict("smoke", true, "passed"), new CheckVerdict("api", true, "passed")]);
        _report.PassedChecks(_qa, _candidate, []);
        _report.WaitingForLock(Pass(LedgerRecordKind.Release), "process 42 on ci-7 since 2026-11-23 16:39:00Z, release of 1.1.0 sha256:abc");

        Assert.Equal(
            [
                $"Approval of 1.2.0 {Digest} by alice@example.com recorded in /records/ledger.jsonl.",
                "Check 'smoke' of 1.2.0 in qa",
                $"1.2.0 {Digest} passed qa (smoke, api).",
                $"1.2.0 {Digest} passed qa (no checks declared).",
                "Another release to production is in progress (process 42 on ci-7 since 2026-11-23 16:39:00Z, release of 1.1.0 sha256:abc); waiting up to 1 min 00 s for it.",
            ],
            Lines());
    }
}
