namespace Pipeline.Delivery;

/// <summary>
/// The artifact repository: every candidate that was deployed anywhere, kept by digest under
/// <c>artifacts/candidates/&lt;digest&gt;/</c> (files and manifest). Promotions and rollbacks take their bytes
/// from here, verified against the digest, so a later <c>Package</c> that overwrites <c>artifacts/packages</c>
/// cannot change what production receives.
/// </summary>
internal sealed class CandidateStore(AbsolutePath root)
{
    public AbsolutePath Root { get; } = root;

    public AbsolutePath PathOf(string digest) => Root / digest.Replace("sha256:", string.Empty, StringComparison.Ordinal)[..16];

    /// <summary>
    /// Keeps the candidate described by the manifest in <paramref name="source"/>, after verifying every file. Returns
    /// the stored copy; a candidate already stored intact is not copied again.
    /// </summary>
    public Deployment Store(AbsolutePath source, string environment)
    {
        ArgumentNullException.ThrowIfNull(source);
        var manifest = ReleaseManifest.Read(source / ReleaseManifest.FileName)
            ?? throw new ReleaseRefusedException($"Refused: intact: there is no readable release manifest in {source}; run the target that packages it (it calls WriteReleaseManifest) first.");
        if (manifest.Verify(source) is { Count: > 0 } problems)
        {
            throw new ReleaseRefusedException($"Refused: intact: {source} does not match its release manifest ({manifest.Digest}): {string.Join("; ", problems)}.");
        }

        var digest = manifest.Digest;
        var stored = PathOf(digest);
        if (Open(digest, environment) is { } present && Problems(present).Count == 0)
        {
            return present;
        }

        var staging = Root / $".{Guid.NewGuid():N}.partial";
        Directory.CreateDirectory(staging);
        manifest.CopyFiles(source, staging);
        if (Directory.Exists(stored))
        {
            Directory.Delete(stored, recursive: true);
        }

        Directory.Move(staging, stored);
        return Open(digest, environment)!;
    }

    /// <summary>The stored candidate with this digest, or null when it is not here (see <see cref="Problems"/> for whether it is intact).</summary>
    public Deployment? Open(string digest, string environment)
    {
        var stored = PathOf(digest);
        var manifest = ReleaseManifest.Read(stored / ReleaseManifest.FileName);
        return manifest is null ? null : new Deployment(environment, manifest, digest, stored);
    }

    /// <summary>Every difference between the stored candidate and its digest: a changed manifest, and changed, missing or extra files.</summary>
    public static IReadOnlyList<string> Problems(Deployment candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return candidate.Manifest.Digest != candidate.Digest
            ? [$"changed: {ReleaseManifest.FileName} (its digest is {candidate.Manifest.Digest}, not {candidate.Digest})"]
            : candidate.Manifest.Verify(candidate.Directory);
    }
}
