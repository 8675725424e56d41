namespace Pipeline.Delivery.Records;

/// <summary>The release lock of a records folder: an operating-system lock on <c>release.lock</c> (<see cref="FileLock"/>).</summary>
internal sealed class FolderReleaseLock(string path) : IReleaseLock
{
    public IDisposable? TryTake(string purpose, TimeSpan wait, TimeProvider clock, CancellationToken cancellationToken) =>
        FileLock.Acquire(new LockRequest(path, wait, purpose), clock, cancellationToken);

    public string? Holder(TimeProvider clock) => FileLock.IsFree(path) ? null : FileLock.Holder(path) ?? "unknown";
}
