using NuGet.Versioning;
using Pipeline.CommandLine;
using Pipeline.Delivery.Records;

namespace Pipeline.Delivery;

/// <summary>
/// Which candidate a promotion takes before anything runs: <c>--rollback-to</c> an earlier release of the target
/// environment, <c>--candidate</c> any candidate the QA ledger knows, or else the newest one that passed QA for the
/// commit being built, at its current version. Null means none: the stages run and make one.
/// </summary>
internal static class CandidateSelector
{
    public static Deployment? Select(DeliveryRun run, Promotion promotion)
    {
        var request = run.Request;
        if (request.RollbackTo is { } version)
        {
            var released = run.LedgerOf(promotion.Environment).Read().Records
                .Where(r => r.Released)
                .ToList();
            var match = released.Where(r => SameVersion(r.Version, version)).MaxBy(r => r.Time)
                ?? throw new UsageException($"--rollback-to {version}: {promotion.Environment.Name} never received {version}. Released: {Known(released)}.");
            return Open(run, match, promotion);
        }

        var evidence = run.LedgerOf(promotion.From).Read().Records.Where(r => r.Kind == LedgerRecordKind.Qa).ToList();
        if (request.Candidate is { } wanted)
        {
            var match = evidence.Where(r => SameVersion(r.Version, wanted) || Digests(r.Digest, wanted)).MaxBy(r => r.Time)
                ?? throw new UsageException($"--candidate {wanted}: {promotion.From.Name} has no record of it. Recorded: {Known(evidence)}.");
            return Open(run, match, promotion);
        }

        // The commit and its version: tagging a checked commit (1.2.0) makes a new candidate, not the old pre-release.
        var commit = run.Build.Identity.Commit;
        var currentVersion = run.Build.Version.ToNormalizedString();
        return evidence
            .Where(r => r.Outcome == LedgerOutcome.Passed && r.Commit is not null && r.Commit == commit && r.Version == currentVersion)
            .OrderByDescending(r => r.Time)
            .Select(r => run.Store.Open(r.Digest, promotion.Environment.Name))
            .FirstOrDefault(c => c is not null);
    }

    private static Deployment Open(DeliveryRun run, LedgerRecord record, Promotion promotion) =>
        run.Store.Open(record.Digest, promotion.Environment.Name)
        ?? throw new ReleaseRefusedException(
            $"Refused: the bytes of {record.Version} {record.Digest} are no longer in {run.Store.Root}; a candidate can only be promoted from the store it was checked from.");

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
