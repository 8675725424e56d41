using NuGet.Versioning;
using Pipeline.CommandLine;
using Pipeline.Delivery.Records;

namespace Pipeline.Delivery;

/// <summary>
/// Which candidate a promotion takes before anything runs: <c>--rollback-to</c> an earlier release of the target
/// environment, <c>--candidate</c> any candidate the QA ledger knows, or else the newest one that passed QA for the
/// commit being built, at its current version. Null means none: the stages run and make one. A candidate this
/// runner's store does not hold is found through the records (<see cref="CandidateIndex"/>) and read back from an
/// environment (<see cref="CandidateReadBack"/>), never rebuilt.
/// </summary>
internal static class CandidateSelector
{
    public static async Task<Deployment?> SelectAsync(DeliveryRun run, Promotion promotion, CancellationToken cancellationToken)
    {
        var request = run.Request;
        if (request.RollbackTo is { } version)
        {
            var released = run.LedgerOf(promotion.Environment).Read().Records
                .Where(r => r.Released)
                .ToList();
            var match = released.Where(r => SameVersion(r.Version, version)).MaxBy(r => r.Time)
                ?? throw new UsageException($"--rollback-to {version}: {promotion.Environment.Name} never received {version}. Released: {Known(released)}.");
            return await OpenAsync(run, match, promotion, cancellationToken).ConfigureAwait(false);
        }

        var evidence = run.LedgerOf(promotion.From).Read().Records.Where(r => r.Kind == LedgerRecordKind.Qa).ToList();
        if (request.Candidate is { } wanted)
        {
            var match = evidence.Where(r => SameVersion(r.Version, wanted) || Digests(r.Digest, wanted)).MaxBy(r => r.Time)
                ?? throw new UsageException($"--candidate {wanted}: {promotion.From.Name} has no record of it. Recorded: {Known(evidence)}.");
            return await OpenAsync(run, match, promotion, cancellationToken).ConfigureAwait(false);
        }

        // The commit and its version: tagging a checked commit (1.2.0) makes a new candidate, not the old pre-release.
        var commit = run.Build.Identity.Commit;
        var currentVersion = run.Build.Version.ToNormalizedString();
        var passed = evidence
            .Where(r => r.Outcome == LedgerOutcome.Passed && r.Commit is not null && r.Commit == commit && r.Version == currentVersion)
            .OrderByDescending(r => r.Time);
        foreach (var record in passed)
        {
            if (await ObtainAsync(run, record.Digest, promotion, required: false, cancellationToken).ConfigureAwait(false) is { } candidate)
            {
                return candidate;
            }
        }

        return null;
    }

    private static async Task<Deployment> OpenAsync(DeliveryRun run, LedgerRecord record, Promotion promotion, CancellationToken cancellationToken) =>
        await ObtainAsync(run, record.Digest, promotion, required: true, cancellationToken).ConfigureAwait(false)
        ?? throw new ReleaseRefusedException(
            $"Refused: the bytes of {record.Version} {record.Digest} are not in {run.Store.Root}, and no record of {promotion.From.Name} or {promotion.Environment.Name} keeps its manifest to read them back by; a candidate is never rebuilt for a release.");

    /// <summary>
    /// The candidate from this runner's store; else, when the records describe it, read back from QA (or, for a
    /// rollback, from the environment itself) and verified. Before anything runs, so the stages that would make a
    /// new candidate are skipped only when this one's bytes are here.
    /// </summary>
    private static async Task<Deployment?> ObtainAsync(DeliveryRun run, string digest, Promotion promotion, bool required, CancellationToken cancellationToken)
    {
        var environment = promotion.Environment.Name;
        if (run.Store.Open(digest, environment) is { } stored)
        {
            return stored;
        }

        return CandidateIndex.Find(run, digest, environment, promotion.From, promotion.Environment) is { } described
            ? await CandidateReadBack.FetchAsync(run, described, [promotion.From, promotion.Environment], required, cancellationToken).ConfigureAwait(false)
            : null;
    }

    private static bool SameVersion(string recorded, string wanted) =>
        SemanticVersion.TryParse(recorded, out var a) && SemanticVersion.TryParse(wanted.TrimStart('v'), out var b) ? a == b : recorded == wanted;

    private static bool Digests(string digest, string wanted) =>
        wanted.Length >= 7 && (digest.StartsWith(wanted, StringComparison.OrdinalIgnoreCase) || digest.StartsWith("sha256:" + wanted, StringComparison.OrdinalIgnoreCase));

    private static string Known(IEnumerable<LedgerRecord> records)
    {
        var known = records.DistinctBy(r => r.Digest).TakeLast(5).Select(r => $"{r.Version} {r.Digest[..Math.Min(19, r.Digest.Length)]}").ToList();
        return known.Count == 0 ? "none yet" : string.Join(", ", known);
    }
}
