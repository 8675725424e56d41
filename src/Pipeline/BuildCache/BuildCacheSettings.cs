using Pipeline.CommandLine;
using Pipeline.Secrets;

namespace Pipeline.BuildCache;

/// <summary>
/// The build cache as the environment configures it. <c>PIPELINE_BUILD_CACHE</c>: the local folder, or <c>off</c>
/// (default: <c>build-cache</c> in Pipeline's cache folder); <c>PIPELINE_BUILD_CACHE_SIZE</c>: its cap (default
/// 5 GiB); <c>PIPELINE_BUILD_CACHE_URL</c>: a remote HTTP cache; <c>PIPELINE_BUILD_CACHE_TOKEN</c>: its bearer
/// token; <c>PIPELINE_BUILD_CACHE_MODE</c>: <c>read-write</c>, <c>read-only</c> or <c>off</c>.
/// </summary>
internal sealed record BuildCacheSettings(BuildCacheMode Mode, string? LocalFolder, long SizeCap, Uri? RemoteUrl, string? Token)
{
    public const long DefaultSizeCap = 5L << 30;

    /// <summary>The settings; a malformed value is a <see cref="UsageException"/> naming the variable and what it accepts.</summary>
    /// <param name="invocationDirectory">Where the command was run: a relative folder is relative to it.</param>
    public static BuildCacheSettings From(Func<string, string?> environment, string invocationDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var mode = ModeFrom(environment("PIPELINE_BUILD_CACHE_MODE"));
        var folder = environment("PIPELINE_BUILD_CACHE") is { Length: > 0 } configured
            ? string.Equals(configured.Trim(), "off", StringComparison.OrdinalIgnoreCase) ? null : Path.GetFullPath(configured, invocationDirectory)
            : Path.Combine(CacheFolder.Resolve(environment, invocationDirectory), "build-cache");
        return new BuildCacheSettings(mode, folder, SizeCapFrom(environment("PIPELINE_BUILD_CACHE_SIZE")), UrlFrom(environment("PIPELINE_BUILD_CACHE_URL")), environment("PIPELINE_BUILD_CACHE_TOKEN") is { Length: > 0 } token ? token : null);
    }

    /// <summary>Never shows the token, nor a password in the URL.</summary>
    public override string ToString() =>
        $"{nameof(BuildCacheSettings)} {{ Mode = {Mode}, LocalFolder = {LocalFolder}, SizeCap = {SizeCap}, RemoteUrl = {(RemoteUrl is null ? "" : RemoteCacheAddress.Redact(RemoteUrl.AbsoluteUri))}, Token = {(Token is null ? "" : SecretMasker.Mask)} }}";

    private static BuildCacheMode ModeFrom(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "read-write" => BuildCacheMode.ReadWrite,
        "read-only" => BuildCacheMode.ReadOnly,
        "off" => BuildCacheMode.Off,
        _ => throw new UsageException($"PIPELINE_BUILD_CACHE_MODE is '{value}'; it is one of read-write (the default), read-only or off."),
    };

    private static long SizeCapFrom(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultSizeCap;
        }

        return ByteSize.TryParse(value, out var bytes)
            ? bytes
            : throw new UsageException($"PIPELINE_BUILD_CACHE_SIZE is '{value}', which is not a size: write bytes (1073741824) or a number and a unit (500MB, 5GiB).");
    }

    private static Uri? UrlFrom(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new UsageException($"PIPELINE_BUILD_CACHE_URL is '{RemoteCacheAddress.Redact(value)}', which is not an http:// or https:// URL (for example https://cache.example.com/pipeline).");
    }
}
