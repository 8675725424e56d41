using System.Text.Json;

namespace Pipeline.BuildCache;

/// <summary>
/// A cache entry as stored: indented JSON, readable by whoever opens the cache folder. Reading checks everything
/// a restore relies on, since the bytes may come from a shared server or a half-written disk.
/// </summary>
internal static class CacheEntryJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static byte[] Write(CacheEntry entry) => JsonSerializer.SerializeToUtf8Bytes(entry, Options);

    /// <summary>The entry, or null when the bytes are not a complete, sound entry for <paramref name="fingerprint"/>.</summary>
    public static CacheEntry? Read(ReadOnlySpan<byte> json, string fingerprint) =>
        Read(json) is { } entry && entry.Fingerprint == fingerprint ? entry : null;

    /// <summary>The entry, whatever its fingerprint, or null when the bytes are not a complete, sound entry.</summary>
    public static CacheEntry? Read(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<CacheEntry>(json, Options) is { } entry && IsSound(entry) ? entry : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether every list is there and every file has a safe path and a SHA-256 (JSON may omit anything).</summary>
    public static bool IsSound(CacheEntry entry) =>
        entry.Target is not null &&
        entry.Files is not null &&
        entry.OutputLines is not null && !entry.OutputLines.Contains(null!) &&
        entry.ClosingLines is not null && !entry.ClosingLines.Contains(null!) &&
        entry.Outputs is not null &&
        entry.Files.All(file => file is not null && OutputPath.IsSafe(file.Path) && CacheKey.IsSha256(file.Sha256) && file.Size >= 0) &&
        entry.Files.Select(file => file.Path).Distinct(StringComparer.Ordinal).Count() == entry.Files.Count;
}
