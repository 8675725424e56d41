using Pipeline.Delivery.Records;

namespace Pipeline.Delivery;

/// <summary>
/// One release at a time per environment: its lock, taken for a pass (waiting as long as the policy allows, and
/// saying so), or only looked at for a dry run.
/// </summary>
internal static class ReleaseLock
{
    /// <summary>The lock, or, when another run still holds it after the wait, who that is.</summary>
    public static LockAttempt Take(DeliveryRun run, GatePass pass, CancellationToken cancellationToken)
    {
        var slot = run.Records.LockOf(pass.Environment);
        var purpose = $"{LedgerNames.Of(pass.Kind)} of {pass.Candidate.Version} {pass.Candidate.Digest}";
        var taken = slot.TryTake(purpose, TimeSpan.Zero, run.Clock, cancellationToken);
        if (taken is null && pass.Step.Policy.LockWait > TimeSpan.Zero)
        {
            run.Report.WaitingForLock(pass, slot.Holder(run.Clock) ?? "unknown");
            taken = slot.TryTake(purpose, pass.Step.Policy.LockWait, run.Clock, cancellationToken);
        }

        return new LockAttempt(taken, taken is null ? slot.Holder(run.Clock) ?? "unknown" : null);
    }

    /// <summary>Who holds the lock right now, or null when it is free; takes and writes nothing (for <c>--dry-run</c>).</summary>
    public static string? HeldBy(DeliveryRun run, DeliveryEnvironment environment) => run.Records.LockOf(environment).Holder(run.Clock);
}

/// <summary>A lock taken (released on dispose), or, when <see cref="Lock"/> is null, who held it instead.</summary>
internal sealed record LockAttempt(IDisposable? Lock, string? HeldBy) : IDisposable
{
    public void Dispose() => Lock?.Dispose();
}
