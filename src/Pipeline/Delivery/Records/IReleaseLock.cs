namespace Pipeline.Delivery.Records;

/// <summary>One release at a time per environment, wherever its records are kept.</summary>
internal interface IReleaseLock
{
    /// <summary>Takes the lock, waiting up to <paramref name="wait"/>; null when another run still holds it then.</summary>
    IDisposable? TryTake(string purpose, TimeSpan wait, TimeProvider clock, CancellationToken cancellationToken);

    /// <summary>Who holds it now, or null when it is free; takes and writes nothing (for <c>--dry-run</c>).</summary>
    string? Holder(TimeProvider clock);
}
