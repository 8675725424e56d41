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

    private string LedgerPath => Path.Combine(_temp.Path, Ledger.FileName);

    /// <summary>A ledger in a folder of its own, as <c>RecordsIn(path)</c> keeps one (so it may be one written before chaining).</summary>
    private Ledger NewLedger() => new(new FolderLedgerFile(AbsolutePath.From(_temp.Path), null, mayBeUnchained: true), "production");

    private void RefusesNaming(Ledger ledger, int line, string problem)
    {
        var refusal = Assert.Throws<ReleaseRefusedException>(() => ledger.Read());
        Assert.Contains($"line {line} {problem}", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(line, ledger.Verify().Break?.Line);
        Assert.Throws<ReleaseRefusedException>(() => ledger.Append(Record(LedgerRecordKind.Approval, "9.9.9"), TimeProvider.System, Secrets));
    }

    private Ledger LedgerOf(params string[] versions)
    {
        var ledger = NewLedger();
        foreach (var version in versions)
        {
            ledger.Append(Record(LedgerRecordKind.Approval, version), TimeProvider.System, Secrets);
        }

        return ledger;
    }

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

        Assert.Equal(2, reading.Records.Count);
        Assert.Equal(approval with { Previous = LedgerChain.Start }, reading.Records[0]);

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

        var lines = File.ReadAllLines(LedgerPath);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.StartsWith("{\"kind\":\"approval\",\"environment\":\"production\"", line, StringComparison.Ordinal));
        Assert.EndsWith("\"previous\":\"none\"}", lines[0], StringComparison.Ordinal);
        Assert.EndsWith($"\"previous\":\"{LedgerChain.HashOf(lines[0])}\"}}", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("\n", File.ReadAllText(LedgerPath), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_ledger_reads_as_empty()
    {
        var reading = NewLedger().Read();

        Assert.Empty(reading.Records);
    }

    [Fact]
    public void A_registered_secret_never_reaches_the_file()
    {
        var secret = SecretValues.NewValue();
        Secrets.Register(secret);
        var ledger = NewLedger();

        ledger.Append(Record(LedgerRecordKind.Approval, "1.2.0", comment: $"token {secret} used"), TimeProvider.System, Secrets);

        var text = File.ReadAllText(LedgerPath);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.Equal("token **** used", ledger.Read().Records.Single().Comment);
    }

    [Fact]
    public void A_trailing_half_line_refuses_naming_it()
    {
        var ledger = LedgerOf("1.2.0", "1.2.1");

        // What a writer killed mid-line would leave if it wrote in place (Pipeline never does).
        File.AppendAllText(LedgerPath, "{\"kind\":\"rele");

        RefusesNaming(ledger, 3, "is not a record");
        Assert.Equal(["1.2.0", "1.2.1"], ledger.Verify().Records.Select(r => r.Version));
    }

    [Fact]
    public void A_line_edited_by_hand_refuses_at_the_line_after_it()
    {
        var ledger = LedgerOf("1.2.0", "1.2.1", "1.2.2");
        var lines = File.ReadAllLines(LedgerPath);
        lines[1] = lines[1].Replace("alice@example.com", "mallory@example.com", StringComparison.Ordinal);
        File.WriteAllLines(LedgerPath, lines);

        RefusesNaming(ledger, 3, "does not follow line 2: line 2 was changed");
    }

    [Fact]
    public void The_last_line_edited_by_hand_refuses_naming_it()
    {
        var ledger = LedgerOf("1.2.0", "1.2.1");
        File.WriteAllText(LedgerPath, File.ReadAllText(LedgerPath).Replace("1.2.1", "1.3.0", StringComparison.Ordinal));

        RefusesNaming(ledger, 2, "was changed");
    }

    [Fact]
    public void Reordered_lines_refuse_at_the_first_moved_line()
    {
        var ledger = LedgerOf("1.2.0", "1.2.1", "1.2.2");
        var lines = File.ReadAllLines(LedgerPath);
        File.WriteAllLines(LedgerPath, [lines[0], lines[2], lines[1]]);

        RefusesNaming(ledger, 2, "does not follow line 1");
    }

    [Fact]
    public void Records_removed_from_the_end_refuse()
    {
        var ledger = LedgerOf("1.2.0", "1.2.1", "1.2.2", "1.2.3");
        File.WriteAllLines(LedgerPath, File.ReadAllLines(LedgerPath)[..2]);

        RefusesNaming(ledger, 2, "is the last line, but the ledger's head says it has 4 records");
    }

    [Fact]
    public void The_last_record_removed_refuses()
    {
        var ledger = LedgerOf("1.2.0", "1.2.1");
        File.WriteAllLines(LedgerPath, File.ReadAllLines(LedgerPath)[..1]);

        RefusesNaming(ledger, 1, "is the last line, but the ledger's head says it has 2 records");
    }

    [Fact]
    public void The_first_record_removed_refuses()
    {
        var ledger = LedgerOf("1.2.0", "1.2.1");
        File.WriteAllLines(LedgerPath, File.ReadAllLines(LedgerPath)[1..]);

        RefusesNaming(ledger, 1, "does not start the ledger");
    }

    [Fact]
    public void A_record_appended_by_hand_refuses_even_with_a_correct_link()
    {
        var ledger = LedgerOf("1.2.0");
        var last = File.ReadAllLines(LedgerPath)[^1];
        var forged = System.Text.Json.JsonSerializer.Serialize(Record(LedgerRecordKind.Approval, "1.3.0") with { Previous = LedgerChain.HashOf(last) }, Ledger.Json);
        File.AppendAllText(LedgerPath, forged + "\n");

        RefusesNaming(ledger, 2, "follows the last record the ledger's head names");
    }

    [Fact]
    public void An_unlinked_line_appended_by_hand_refuses()
    {
        var ledger = LedgerOf("1.2.0");
        File.AppendAllText(LedgerPath, System.Text.Json.JsonSerializer.Serialize(Record(LedgerRecordKind.Approval, "1.3.0"), Ledger.Json) + "\n");

        RefusesNaming(ledger, 2, "has no link to the record before it");
    }

    [Fact]
    public void An_append_stopped_between_head_and_ledger_reads_as_the_ledger_before_it()
    {
        var ledger = LedgerOf("1.2.0", "1.2.1");
        var before = File.ReadAllText(LedgerPath);
        ledger.Append(Record(LedgerRecordKind.Approval, "1.2.2"), TimeProvider.System, Secrets);

        // What a run stopped after the first write leaves: the head pending, the ledger as it was.
        File.WriteAllText(LedgerPath, before);
        var headPath = Path.Combine(_temp.Path, "ledger.head");
        File.WriteAllText(headPath, File.ReadAllText(headPath).Replace("}", ",\"pending\":true}", StringComparison.Ordinal));

        Assert.Equal(["1.2.0", "1.2.1"], ledger.Read().Records.Select(r => r.Version));
        ledger.Append(Record(LedgerRecordKind.Approval, "1.2.3"), TimeProvider.System, Secrets);
        Assert.Equal(["1.2.0", "1.2.1", "1.2.3"], ledger.Read().Records.Select(r => r.Version));
    }

    [Fact]
    public void A_ledger_written_before_chaining_reads_and_is_chained_by_its_next_append()
    {
        var old = System.Text.Json.JsonSerializer.Serialize(Record(LedgerRecordKind.Approval, "1.0.0"), Ledger.Json);
        File.WriteAllText(LedgerPath, old + "\n" + old.Replace("1.0.0", "1.1.0", StringComparison.Ordinal) + "\n");
        var ledger = NewLedger();

        Assert.True(ledger.Verify().Unchained);
        ledger.Append(Record(LedgerRecordKind.Approval, "1.2.0"), TimeProvider.System, Secrets);

        Assert.Equal(["1.0.0", "1.1.0", "1.2.0"], ledger.Read().Records.Select(r => r.Version));
        Assert.False(ledger.Verify().Unchained);
        Assert.All(File.ReadAllLines(LedgerPath), line => Assert.Contains("\"previous\":", line, StringComparison.Ordinal));
    }

    [Fact]
    public void A_ledger_in_the_records_store_must_be_chained()
    {
        var strict = new Ledger(new FolderLedgerFile(AbsolutePath.From(_temp.Path), null, mayBeUnchained: false), "production");
        File.WriteAllText(LedgerPath, System.Text.Json.JsonSerializer.Serialize(Record(LedgerRecordKind.Approval, "1.0.0"), Ledger.Json) + "\n");

        var refusal = Assert.Throws<ReleaseRefusedException>(() => strict.Read());
        Assert.Contains("line 1 has no link", refusal.Message, StringComparison.Ordinal);
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

        Assert.Equal(Writers * PerWriter, File.ReadAllLines(LedgerPath).Length);
        var reading = ledger.Read();
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
        File.WriteAllText(LedgerPath, Written + "\n");

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
