using Pipeline.EndToEnd.Tests.Hosts;
using Pipeline.Delivery;
using Pipeline.Delivery.Records;
using Pipeline.Reports;

namespace Pipeline.Tests.Reports;

/// <summary>The history page from fixed ledger records: a golden file, newest first, a broken chain and an empty ledger said plainly.</summary>
public sealed class HistoryPageTests
{
    private const string Location = "/repos/sample/.pipeline/production/ledger.jsonl";

    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_history_page_of_fixed_records_is_the_golden_file_and_the_same_on_every_render()
    {
        var page = HistoryPage.Render(Production(), Records(), Location, null);

        Assert.Equal(page, HistoryPage.Render(Production(), Records(), Location, null));
        Snapshot.Verify(page, "html");
    }

    [Fact]
    public void Records_are_listed_newest_first_and_the_version_in_use_now_is_the_last_one_that_reached_the_environment()
    {
        var page = HistoryPage.Render(Production(), Records(), Location, null);

        var kinds = Between(page, "data-kind=\"", "\" data-outcome", page.IndexOf("<table id=\"records\">", StringComparison.Ordinal));
        Assert.Equal(Records().Select(r => LedgerNames.Of(r.Kind)).Reverse(), kinds);
        Assert.Contains("In production now: <b>1.0.0</b> (rollback by ops@example.com", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_chain_is_a_warning_naming_the_line_and_only_the_records_before_it_are_shown()
    {
        var verified = Records().Take(3).ToList();

        var page = HistoryPage.Render(Production(), verified, Location, new LedgerBreak(4, "does not chain to line 3"));

        Assert.Contains("<div id=\"broken\" class=\"banner\" role=\"alert\" data-line=\"4\"><strong>The ledger does not verify from line 4 on:</strong> line 4 does not chain to line 3.", page, StringComparison.Ordinal);
        Assert.Equal(3, Between(page, "<tr class=\"record", "\"", 0).Count);
    }

    [Fact]
    public void An_empty_ledger_is_a_page_that_says_there_are_no_records_yet()
    {
        var page = HistoryPage.Render(Production(), [], Location, null);

        Assert.Contains($"<p id=\"empty\">No records for production yet ({Location}).</p>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"strip\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_the_ledger_is_escaped_and_only_a_web_address_becomes_a_link()
    {
        var hostile = Record(LedgerRecordKind.Approval, LedgerOutcome.Recorded, "1.0.0", 0) with
        {
            Who = "<img src=x onerror=alert(1)>",
            Comment = "</td><script>alert(2)</script>",
            RunUrl = "javascript:alert(3)",
        };

        var page = HistoryPage.Render(Production(), [hostile], Location, null);

        Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", page, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page, StringComparison.Ordinal);
    }

    private static DeliveryEnvironment Production() => new Build(AbsolutePath.From("/repos/sample")).ProductionEnvironment();

    /// <summary>A refusal, an approval, a release of 1.0.0, a release of 1.1.0 whose production check failed, and a rollback to 1.0.0.</summary>
    internal static List<LedgerRecord> Records() =>
    [
        Record(LedgerRecordKind.Refusal, LedgerOutcome.Refused, "1.0.0", 0) with
        {
            Rules = [new RuleVerdict(ReleaseRuleKind.Intact, true, "the candidate's bytes match its digest"), new RuleVerdict(ReleaseRuleKind.Approval, false, "no approval for 1.0.0")],
            Mode = ReleaseMode.Delivery,
        },
        Record(LedgerRecordKind.Approval, LedgerOutcome.Recorded, "1.0.0", 20) with { Who = "approver@example.com", Comment = "CHG-1042" },
        Record(LedgerRecordKind.Release, LedgerOutcome.Started, "1.0.0", 25),
        Record(LedgerRecordKind.Release, LedgerOutcome.Published, "1.0.0", 26) with { Who = "approver@example.com", RunUrl = "https://ci.example.com/runs/7", Mode = ReleaseMode.Delivery },
        Record(LedgerRecordKind.Release, LedgerOutcome.Published, "1.1.0", 60 * 26, digest: "sha256:2222222222222222222222222222222222222222222222222222222222222222"),
        Record(LedgerRecordKind.Check, LedgerOutcome.Failed, "1.1.0", (60 * 26) + 2, digest: "sha256:2222222222222222222222222222222222222222222222222222222222222222") with
        {
            Checks = [new CheckVerdict("health", false, "GET /health answered 503")],
        },
        Record(LedgerRecordKind.Rollback, LedgerOutcome.Published, "1.0.0", (60 * 26) + 30) with { Who = "ops@example.com", Comment = "1.1.0 is unhealthy" },
    ];

    private static LedgerRecord Record(LedgerRecordKind kind, LedgerOutcome outcome, string version, int minutes, string digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111") => new()
    {
        Kind = kind,
        Environment = "production",
        Time = Monday.AddMinutes(minutes),
        Who = "author@example.com",
        WhoSource = "git config user.email",
        Version = version,
        Digest = digest,
        Commit = "0123456789abcdef0123456789abcdef01234567",
        Host = "local",
        Outcome = outcome,
    };

    /// <summary>Every text between <paramref name="start"/> and <paramref name="end"/> from <paramref name="from"/> on.</summary>
    private static List<string> Between(string text, string start, string end, int from)
    {
        var found = new List<string>();
        for (var i = text.IndexOf(start, from, StringComparison.Ordinal); i >= 0; i = text.IndexOf(start, i + 1, StringComparison.Ordinal))
        {
            var begin = i + start.Length;
            found.Add(text[begin..text.IndexOf(end, begin, StringComparison.Ordinal)]);
        }

        return found;
    }
}
