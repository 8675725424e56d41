using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Delivery;

/// <summary>
/// The candidates the records know, by digest: every deployment, release and rollback record keeps the exact
/// manifest text, whose SHA-256 is the digest. A runner that never had the candidate learns from it which files,
/// with which SHA-256, make the candidate, and trusts no text that does not hash to the digest.
/// </summary>
internal static class CandidateIndex
{
    /// <summary>
    /// The candidate <paramref name="digest"/> as the ledgers of <paramref name="environments"/> describe it, its
    /// folder being where the candidate store keeps it (which may not hold it yet); null when no record has its manifest.
    /// </summary>
    public static Deployment? Find(DeliveryRun run, string digest, string environment, params IEnumerable<DeliveryEnvironment> environments)
    {
        var manifest = environments
            .SelectMany(e => run.LedgerOf(e).Read().Records)
            .Where(r => r.Digest == digest && r.Manifest is not null)
            .OrderByDescending(r => r.Time)
            .Select(r => Verified(r.Manifest!, digest))
            .FirstOrDefault(m => m is not null);
        return manifest is null ? null : new Deployment(environment, manifest, digest, run.Store.PathOf(digest));
    }

    /// <summary>The manifest the text describes, when the text hashes to the digest and reads back as the same manifest.</summary>
    private static ReleaseManifest? Verified(string text, string digest) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))) == digest &&
        ReleaseManifest.Parse(text) is { } manifest && manifest.Digest == digest
            ? manifest
            : null;
}
