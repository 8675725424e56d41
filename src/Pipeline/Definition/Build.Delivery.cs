using Pipeline.Delivery;

namespace Pipeline;

public partial class Build
{
    /// <summary>
    /// Describes the files in <paramref name="directory"/> as a release candidate (<see cref="ReleaseManifest"/>:
    /// every file's SHA-256 and size, <see cref="Version"/>, the commit, whether the working tree is dirty, the
    /// host and run) and writes it beside them as <c>release-manifest.json</c>. Its digest names the candidate.
    /// </summary>
    public ReleaseManifest WriteReleaseManifest(AbsolutePath directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var dirty = GitOutput.Read(Root, "status", "--porcelain") is not null;
        var manifest = ReleaseManifest.Create(directory, Version.ToNormalizedString(), Identity, dirty, DateTimeOffset.UtcNow);
        manifest.WriteTo(directory);
        Console.WriteLine($"Release candidate {manifest.Version} {manifest.Digest}{(dirty ? " (from a dirty working tree)" : string.Empty)}");
        return manifest;
    }
}
