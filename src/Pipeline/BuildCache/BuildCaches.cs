using Pipeline.Secrets;

namespace Pipeline.BuildCache;

/// <summary>Makes the build cache the settings describe.</summary>
internal static class BuildCaches
{
    /// <summary>
    /// The local folder cache, the remote HTTP cache, or both layered (local first); null when the mode is
    /// <c>off</c> or neither is configured. The token and the URL's password are registered as secrets first.
    /// </summary>
    /// <param name="warn">Receives each warning as a whole line starting <c>warning: </c>, already masked.</param>
    public static IBuildCache? Create(BuildCacheSettings settings, SecretMasker secrets, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(warn);
        if (settings.Mode == BuildCacheMode.Off)
        {
            return null;
        }

        secrets.Register(settings.Token);
        if (settings.RemoteUrl is not null)
        {
            secrets.Register(RemoteCacheAddress.PasswordOf(settings.RemoteUrl));
        }

        void Masked(string line) => warn(secrets.Apply(line));
        var readOnly = settings.Mode == BuildCacheMode.ReadOnly;
        IBuildCache? local = settings.LocalFolder is null ? null : new LocalFolderCache(settings.LocalFolder, settings.SizeCap, readOnly, Masked);
        IBuildCache? remote = settings.RemoteUrl is null ? null : new HttpBuildCache(RemoteCacheAddress.From(settings.RemoteUrl, settings.Token), readOnly, Masked);
        return (local, remote) switch
        {
            ({ } localCache, { } remoteCache) => new LayeredBuildCache(localCache, remoteCache),
            _ => local ?? remote,
        };
    }
}
