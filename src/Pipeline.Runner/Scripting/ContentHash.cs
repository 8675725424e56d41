using System.IO.Hashing;

namespace Pipeline.Runner.Scripting;

/// <summary>
/// A fast content fingerprint (XXH128) for telling whether a cached file changed. Not a security
/// digest: it guards against edits and damage, and costs microseconds on the warm path, where a SHA-256
/// would first have to load the platform's crypto library.
/// </summary>
internal static class ContentHash
{
    public static string Of(string path) => Convert.ToHexStringLower(XxHash128.Hash(File.ReadAllBytes(path)));

    public static string Of(byte[] content) => Convert.ToHexStringLower(XxHash128.Hash(content));
}
