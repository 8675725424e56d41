using Pipeline.Delivery.Records;

namespace Pipeline.Delivery;

/// <summary>
/// Attempts that started and never concluded: a run killed (SIGKILL, a runner that went away) while its deployer
/// ran leaves a <c>started</c> record and nothing after it. The next run that holds the environment's lock is the
/// only one that can know nobody is still deploying, so it records each as <c>interrupted</c> before judging.
/// </summary>
internal static class InterruptedAttempts
{
    public static void Record(DeliveryRun run, DeliveryEnvironment environment, RecordStamp stamp)
    {
        var ledger = run.LedgerOf(environment);
        foreach (var started in Unconcluded(ledger.Read().Records))
        {
            var interrupted = started with
            {
                Time = run.Now,
                Who = stamp.Who.Identity,
                WhoSource = stamp.Who.Source,
                Host = stamp.Identity.Host,
                RunUrl = stamp.Identity.BuildUrl,
                Outcome = LedgerOutcome.Interrupted,
                Rules = null,
                Error = $"started at {Rules.ApprovalRule.Time(started.Time)} by {started.Who} on {started.Host}{(started.RunUrl is null ? string.Empty : $" ({started.RunUrl})")} and never concluded; found by the next run holding the lock",
            };
            ledger.Append(interrupted, run.Clock, run.Secrets);
            run.Report.AttemptInterrupted(environment, started);
        }
    }

    /// <summary>Every <c>started</c> record that no later record of the same kind and digest concludes.</summary>
    internal static IReadOnlyList<LedgerRecord> Unconcluded(IReadOnlyList<LedgerRecord> records)
    {
        var open = new List<LedgerRecord>();
        foreach (var record in records)
        {
            if (record.Outcome == LedgerOutcome.Started)
            {
                open.Add(record);
            }
            else if (Concludes(record.Outcome))
            {
                open.RemoveAll(s => s.Kind == record.Kind && s.Digest == record.Digest);
            }
        }

        return open;
    }

    private static bool Concludes(LedgerOutcome outcome) =>
        outcome is LedgerOutcome.Published or LedgerOutcome.AlreadyPresent or LedgerOutcome.Failed or LedgerOutcome.Interrupted;
}
