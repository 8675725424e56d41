namespace Pipeline.BuildCache;

/// <summary>
/// The local cache in front of a remote one: a lookup tries the local folder first; a remote hit is kept
/// locally too, so the next lookup on this machine does not go over the network; a store goes to both.
/// </summary>
internal sealed class LayeredBuildCache(IBuildCache local, IBuildCache remote) : IBuildCache
{
    public async Task<CacheEntry?> TryRestoreAsync(string fingerprint, string root, CancellationToken cancellationToken)
    {
        if (await local.TryRestoreAsync(fingerprint, root, cancellationToken) is { } hit)
        {
            return hit;
        }

        var entry = await remote.TryRestoreAsync(fingerprint, root, cancellationToken);
        if (entry is not null)
        {
            await local.StoreAsync(entry, root, cancellationToken);
        }

        return entry;
    }

    public async Task StoreAsync(CacheEntry entry, string root, CancellationToken cancellationToken)
    {
        await local.StoreAsync(entry, root, cancellationToken);
        await remote.StoreAsync(entry, root, cancellationToken);
    }
}
