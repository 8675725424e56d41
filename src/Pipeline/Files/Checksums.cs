using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Files;

/// <summary>SHA-256 digests of files, in the format <c>sha256sum -c</c> reads.</summary>
public static class Checksums
{
    /// <summary>The lower-case hex SHA-256 of a file.</summary>
    public static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// Writes <c>SHA256SUMS</c> into <paramref name="directory"/>: one <c>digest  name</c> line per file in it,
    /// sorted by name, so <c>sha256sum -c SHA256SUMS</c> verifies them. Returns the file's path.
    /// </summary>
    public static AbsolutePath WriteSha256Sums(AbsolutePath directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var sums = directory / "SHA256SUMS";
        var lines = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(directory).Where(f => f != sums.FullPath).Order(StringComparer.Ordinal))
        {
            lines.Append(Sha256(file)).Append("  ").Append(Path.GetFileName(file)).Append('\n');
        }

        Files.AtomicFile.WriteAllText(sums, lines.ToString());
        return sums;
    }
}
