namespace Pipeline.BuildCache;

/// <summary>What <c>PIPELINE_BUILD_CACHE_MODE</c> allows.</summary>
internal enum BuildCacheMode
{
    /// <summary>Restores and stores (the default).</summary>
    ReadWrite,

    /// <summary>Restores only, for runs that must not fill a cache others trust (pull requests from forks).</summary>
    ReadOnly,

    /// <summary>No cache at all.</summary>
    Off,
}
