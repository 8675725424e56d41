using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Hosts;

namespace Pipeline.Delivery;

/// <summary>
/// What a release candidate is: every file with its SHA-256 and size, the version, the source commit,
/// whether the working tree was dirty, and the host and run that made it. The SHA-256 of the manifest's
/// canonical JSON (<see cref="Digest"/>) names the candidate; later stages verify every file against it
/// before they act, so what reaches production is the bytes that were checked, never a rebuild.
/// </summary>
public sealed record ReleaseManifest(
    string Version,
    string? Commit,
    bool Dirty,
    string Host,
    string? RunUrl,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ManifestFile> Files)
{
    /// <summary>The file name the manifest is written under, beside the files it lists.</summary>
    public const string FileName = "release-manifest.json";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The candidate's name: SHA-256 of the canonical JSON, as <c>sha256:&lt;hex&gt;</c>.</summary>
    [JsonIgnore]
    public string Digest => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson())));

    /// <summary>Describes every file in <paramref name="directory"/> (except the manifest and SHA256SUMS), sorted by path.</summary>
    public static ReleaseManifest Create(string directory, string version, BuildIdentity identity, bool dirty, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return new ReleaseManifest(version, identity.Commit, dirty, identity.Host, identity.BuildUrl, createdAt, Describe(directory));
    }

    /// <summary>Reads a manifest; null when the file is missing or not a manifest.</summary>
    public static ReleaseManifest? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<ReleaseManifest>(File.ReadAllBytes(path), Options);
        }
        catch (Exception exception) when (exception is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A manifest from its JSON text (as a ledger record keeps it); null when the text is not one.</summary>
    internal static ReleaseManifest? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ReleaseManifest>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Canonical JSON: fixed property order, files sorted by path; what the digest is taken over.</summary>
    public string ToJson() => JsonSerializer.Serialize(this with { Files = [.. Files.OrderBy(f => f.Path, StringComparer.Ordinal)] }, Options);

    /// <summary>Writes the manifest atomically into <paramref name="directory"/> and returns its path.</summary>
    public string WriteTo(string directory)
    {
        var path = Path.Combine(directory, FileName);
        AtomicFile.WriteAllText(path, ToJson());
        return path;
    }

    /// <summary>Copies every listed file from <paramref name="source"/> into <paramref name="destination"/>, and writes the manifest there.</summary>
    internal void CopyFiles(string source, string destination, CancellationToken cancellationToken = default)
    {
        foreach (var file in Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var target = Path.Combine(destination, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(source, file.Path), target);
        }

        WriteTo(destination);
    }

    /// <summary>
    /// Every difference between the manifest and <paramref name="directory"/>, each naming its file: changed
    /// (digest or size), missing, or extra. Empty when the folder holds exactly the listed bytes.
    /// </summary>
    public IReadOnlyList<string> Verify(string directory)
    {
        var actual = Describe(directory).ToDictionary(f => f.Path, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var expected in Files)
        {
            if (!actual.Remove(expected.Path, out var found))
            {
                problems.Add($"missing: {expected.Path}");
            }
            else if (found.Sha256 != expected.Sha256 || found.Size != expected.Size)
            {
                problems.Add($"changed: {expected.Path} (sha256 {Short(found.Sha256)}, {found.Size} bytes; the manifest says sha256 {Short(expected.Sha256)}, {expected.Size} bytes)");
            }
        }

        problems.AddRange(actual.Keys.Order(StringComparer.Ordinal).Select(extra => $"extra: {extra} (not in the manifest)"));
        return problems;
    }

    private static List<ManifestFile> Describe(string directory) =>
    [
        .. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(directory, path).Replace('\\', '/'))
            .Where(relative => relative is not (FileName or "SHA256SUMS"))
            .Order(StringComparer.Ordinal)
            .Select(relative => new ManifestFile(relative, Checksums.Sha256(Path.Combine(directory, relative)), new FileInfo(Path.Combine(directory, relative)).Length)),
    ];

    private static string Short(string sha256) => sha256.Length > 12 ? sha256[..12] : sha256;
}

/// <summary>One file of a release candidate: its path relative to the manifest, SHA-256 and size in bytes.</summary>
public sealed record ManifestFile(string Path, string Sha256, long Size);
