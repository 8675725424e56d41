using Pipeline.Secrets;
using Pipeline.Delivery;
using Pipeline.Delivery.Records;

namespace Pipeline.Tests.Delivery;

public sealed class LedgerTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();

    private SecretMasker Secrets { get; } = new();

    public void Dispose() => _temp.Dispose();

    private Ledger NewLedger() => new(AbsolutePath.From(_temp.Path));

    private static LedgerRecord Record(LedgerRecordKind kind, string version, string? comment = null) => new()
    {
        Kind = kind,
        Environment = "production",
        Time = Noon,
        Who = "alice@example.com",
        WhoSource = "git config user.email",
        Version = version,
        Digest = "sha256:" + new string('a', 64),
        Commit = "0123abcd",
        Host = "local",
        Outcome = LedgerOutcome.Recorded,
        Comment = comment,
    };

    [Fact]
    public void Appended_records_read_back_equal_and_in_order()
    {
        var ledger = NewLedger();
        var approval = Record(LedgerRecordKind.Approval, "1.2.0", comment: "ship it");
        var release = Record(LedgerRecordKind.Release, "1.2.0") with
        {
            Outcome = LedgerOutcome.Published,
            Mode = ReleaseMode.Delivery,
            Rules = [new RuleVerdict(ReleaseRuleKind.Intact, true, "2 files match")],
            Stages = new Dictionary<string, StageResult> { ["Test"] = new(StageStatus.Succeeded) },
            Location = "/srv/app/1.2.0",
        };

        ledger.Append(approval, TimeProvider.System, Secrets);
        ledger.Append(release, TimeProvider.System, Secrets);
        var reading = ledger.Read();

        Assert.Empty(reading.UnreadableLines);
        Assert.Equal(2, reading.Records.Count);
        Assert.Equal(approval, reading.Records[0]);

        // Collections compare by reference in records, so compare the release field by field where it matters.
        var read = reading.Records[1];
        Assert.Equal((LedgerRecordKind.Release, LedgerOutcome.Published, (ReleaseMode?)ReleaseMode.Delivery, "/srv/app/1.2.0"), (read.Kind, read.Outcome, read.Mode, read.Location));
        Assert.Equal([new RuleVerdict(ReleaseRuleKind.Intact, true, "2 files match")], read.Rules!);
        Assert.Equal(new StageResult(StageStatus.Succeeded), read.Stages!["Test"]);
        Assert.Equal(Noon, read.Time);
    }

    [Fact]
    public void The_file_is_json_lines_with_camel_case_names()
    {
        var ledger = NewLedger();

        ledger.Append(Record(LedgerRecordKind.Approval, "1.2.0"), TimeProvider.System, Secrets);
        ledger.Append(Record(LedgerRecordKind.Approval, "1.2.1"), TimeProvider.System, Secrets);

        var lines = File.ReadAllLines(ledger.Path);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.StartsWith("{\"kind\":\"approval\",\"environment\":\"production\"", line, StringComparison.Ordinal));
        Assert.EndsWith("\n", File.ReadAllText(ledger.Path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_ledger_reads_as_empty()
    {
        var reading = NewLedger().Read();

        Assert.Empty(reading.Records);
        Assert.Empty(reading.UnreadableLines);
    }

    [Fact]
    public void A_registered_secret_never_reaches_the_file()
    {
        var secret = SecretValues.NewValue();
        Secrets.Register(secret);
        var ledger = NewLedger();

        ledger.Append(Record(LedgerRecordKind.Approval, "1.2.0", comment: $"token {secret} used"), TimeProvider.System, Secrets);

        var text = File.ReadAllText(ledger.Path);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.Equal("token **** used", ledger.Read().Records.Single().Comment);
    }

    [Fact]
    public void A_trailing_half_line_is_skipped_and_reported_and_later_appends_stay_readable()
    {
        var ledger = NewLedger();
        ledger.Append(Record(LedgerRecordKind.Approval, "1.2.0"), TimeProvider.System, Secrets);
        ledger.Append(Record(LedgerRecordKind.Release, "1.2.0"), TimeProvider.System, Secrets);

        // What a writer killed mid-line would leave behind: no newline at the end.
        File.AppendAllText(ledger.Path, "{\"kind\":\"rele");

        var torn = ledger.Read();
        Assert.Equal(["1.2.0", "1.2.0"], torn.Records.Select(r => r.Version));
        Assert.Equal([3], torn.UnreadableLines);

        ledger.Append(Record(LedgerRecordKind.Release, "1.3.0"), TimeProvider.System, Secrets);
        var after = ledger.Read();

        Assert.Equal(["1.2.0", "1.2.0", "1.3.0"], after.Records.Select(r => r.Version));
        Assert.Equal([3], after.UnreadableLines);
    }

    [Fact]
    public void A_line_edited_by_hand_is_skipped_and_counted_by_its_number()
    {
        var ledger = NewLedger();
        ledger.Append(Record(LedgerRecordKind.Approval, "1.2.0"), TimeProvider.System, Secrets);
        File.AppendAllText(ledger.Path, "not json at all\n");
        ledger.Append(Record(LedgerRecordKind.Approval, "1.2.1"), TimeProvider.System, Secrets);

        var reading = ledger.Read();

        Assert.Equal(["1.2.0", "1.2.1"], reading.Records.Select(r => r.Version));
        Assert.Equal([2], reading.UnreadableLines);
    }

    [Fact]
    public async Task Concurrent_appends_all_land_as_whole_lines()
    {
        const int Writers = 8;
        const int PerWriter = 10;
        var ledger = NewLedger();

        // A thread each (not the thread pool, which starts few), released together so the appends overlap.
        using var start = new ManualResetEventSlim();
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Factory.StartNew(
            () =>
            {
                start.Wait();
                for (var i = 0; i < PerWriter; i++)
                {
                    ledger.Append(Record(LedgerRecordKind.Approval, $"1.{w}.{i}"), TimeProvider.System, Secrets);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToList();
        start.Set();
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(Writers * PerWriter, File.ReadAllLines(ledger.Path).Length);
        var reading = ledger.Read();
        Assert.Empty(reading.UnreadableLines);
        Assert.Equal(Writers * PerWriter, reading.Records.Select(r => r.Version).Distinct().Count());
    }

    [Fact]
    public void A_line_an_earlier_version_wrote_reads_as_typed_values_and_writes_back_the_same_text()
    {
        const string Written =
            "{\"kind\":\"release\",\"environment\":\"production\",\"time\":\"2026-11-23T12:00:00+00:00\",\"who\":\"alice@example.com\"," +
            "\"whoSource\":\"git config user.email\",\"version\":\"1.2.0\",\"digest\":\"sha256:abc\",\"commit\":\"0123abcd\",\"host\":\"local\"," +
            "\"runUrl\":null,\"outcome\":\"already-present\",\"mode\":\"continuous-delivery\"," +
            "\"rules\":[{\"name\":\"freeze-window\",\"passed\":true,\"detail\":\"inside year end, overridden: INC-7\"}]," +
            "\"checks\":[{\"name\":\"smoke\",\"passed\":false,\"detail\":\"HTTP 500\"}]," +
            "\"stages\":{\"Test\":\"Skipped (--skip)\",\"Lint\":\"Succeeded (skipped: only on CI)\",\"Pack\":\"Failed (failure allowed)\",\"Sign\":\"NotRun\"}," +
            "\"overrideReason\":\"INC-7\",\"location\":\"/srv/app/1.2.0\"}";
        var ledger = NewLedger();
        File.WriteAllText(ledger.Path, Written + "\n");

        var record = Assert.Single(ledger.Read().Records);

        Assert.Equal((LedgerRecordKind.Release, LedgerOutcome.AlreadyPresent, (ReleaseMode?)ReleaseMode.Delivery), (record.Kind, record.Outcome, record.Mode));
        Assert.True(record.Released);
        Assert.Equal([new RuleVerdict(ReleaseRuleKind.FreezeWindow, true, "inside year end, overridden: INC-7")], record.Rules!);
        Assert.Equal([new CheckVerdict("smoke", false, "HTTP 500")], record.Checks!);
        Assert.Equal(
            [StageStatus.SkippedOnRequest, StageStatus.SkippedByCondition, StageStatus.FailureAllowed, StageStatus.NotRun],
            record.Stages!.Values.Select(s => s.Status));
        Assert.Equal(["Lint"], record.Stages.Where(s => s.Value.CountsAsSucceeded).Select(s => s.Key));
        Assert.Equal(Written, System.Text.Json.JsonSerializer.Serialize(record, Ledger.Json));
    }
}
