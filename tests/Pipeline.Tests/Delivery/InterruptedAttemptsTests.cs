using Pipeline.Delivery;
using Pipeline.Delivery.Records;

namespace Pipeline.Tests.Delivery;

/// <summary>Which <c>started</c> records are still open: those no later record of the same kind and digest concludes.</summary>
public sealed class InterruptedAttemptsTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly string A = "sha256:" + new string('a', 64);
    private static readonly string B = "sha256:" + new string('b', 64);

    [Fact]
    public void A_started_attempt_with_no_conclusion_is_open_and_one_concluded_in_any_way_is_not()
    {
        LedgerRecord[] records =
        [
            Record(LedgerRecordKind.Release, LedgerOutcome.Started, A),
            Record(LedgerRecordKind.Release, LedgerOutcome.Published, A),
            Record(LedgerRecordKind.Release, LedgerOutcome.Started, B),
            Record(LedgerRecordKind.Release, LedgerOutcome.Failed, B),
            Record(LedgerRecordKind.Rollback, LedgerOutcome.Started, A),
            Record(LedgerRecordKind.Rollback, LedgerOutcome.Interrupted, A),
            Record(LedgerRecordKind.Release, LedgerOutcome.Started, B),
            Record(LedgerRecordKind.Refusal, LedgerOutcome.Refused, B),
        ];

        var open = Assert.Single(InterruptedAttempts.Unconcluded(records));

        Assert.Same(records[6], open);
    }

    [Fact]
    public void A_conclusion_of_another_kind_or_digest_leaves_the_attempt_open()
    {
        LedgerRecord[] records =
        [
            Record(LedgerRecordKind.Release, LedgerOutcome.Started, A),
            Record(LedgerRecordKind.Rollback, LedgerOutcome.Published, A),
            Record(LedgerRecordKind.Release, LedgerOutcome.Published, B),
        ];

        Assert.Same(records[0], Assert.Single(InterruptedAttempts.Unconcluded(records)));
    }

    private static LedgerRecord Record(LedgerRecordKind kind, LedgerOutcome outcome, string digest) => new()
    {
        Kind = kind,
        Environment = "production",
        Time = Time,
        Who = "dev@example.com",
        WhoSource = "git config user.email",
        Version = "1.0.0",
        Digest = digest,
        Host = "local",
        Outcome = outcome,
    };
}
