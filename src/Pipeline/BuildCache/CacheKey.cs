using System.Security.Cryptography;
using System.Text;

namespace Pipeline.BuildCache;

/// <summary>
/// The names a cache stores things under: <c>ac/{key}</c> for an entry and <c>cas/{sha256}</c> for a file's
/// content, the layout of Bazel's HTTP remote cache. Both are 64 lower-case hex digits, which is what such
/// servers accept (bazel-remote refuses anything else) and what is safe as a file name and a URL segment.
/// </summary>
internal static class CacheKey
{
    /// <summary>The fingerprint itself when it is already a SHA-256 in hex, else the SHA-256 of its text.</summary>
    public static string For(string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        return IsSha256(fingerprint) ? fingerprint : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint)));
    }

    /// <summary>Whether <paramref name="text"/> is 64 lower-case hex digits.</summary>
    public static bool IsSha256(string? text) =>
        text is { Length: 64 } && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
