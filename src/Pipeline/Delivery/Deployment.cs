namespace Pipeline.Delivery;

/// <summary>
/// What a deployer and a QA check are given: the candidate (its manifest and verified files) and the
/// environment it goes to. <see cref="Location"/> is where the deployer put it, once deployed.
/// </summary>
public sealed record Deployment(string Environment, ReleaseManifest Manifest, string Digest, AbsolutePath Directory)
{
    public string Version => Manifest.Version;

    /// <summary>The manifest file, beside the files.</summary>
    public AbsolutePath ManifestPath => Directory / ReleaseManifest.FileName;

    /// <summary>Every file of the candidate, absolute, in manifest order.</summary>
    public IReadOnlyList<AbsolutePath> Files => [.. Manifest.Files.Select(f => Directory / f.Path)];

    /// <summary>Where the deployer put the candidate (a folder, a feed URL), when it says.</summary>
    public string? Location { get; init; }
}
