using Pipeline.Delivery.Deployers;

namespace Pipeline.Delivery;

/// <summary>
/// Reads a candidate back from an environment's deployer and verifies it against the candidate's manifest: to see
/// that QA still holds the bytes that passed it (the <c>qa-unchanged</c> rule), and to bring a candidate into this
/// runner's candidate store when another runner deployed it (never rebuilt).
/// </summary>
internal static class CandidateReadBack
{
    /// <summary>What <paramref name="environment"/> holds of <paramref name="candidate"/>, compared with its manifest; nothing is kept.</summary>
    public static async Task<ReadBackCheck> CheckAsync(DeliveryRun run, DeliveryEnvironment environment, Deployment candidate, CancellationToken cancellationToken)
    {
        var folder = Staging(run);
        try
        {
            return await ReadAsync(environment, candidate, folder, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Remove(folder);
        }
    }

    /// <summary>
    /// Reads a candidate this runner's store does not hold back from the first of <paramref name="sources"/> that
    /// holds it whole, verifies every file against its manifest, and keeps it in the store. When none holds it whole:
    /// null, or, when <paramref name="required"/>, refused. Bytes that differ from the manifest are always refused.
    /// </summary>
    public static async Task<Deployment?> FetchAsync(DeliveryRun run, Deployment candidate, IReadOnlyList<DeliveryEnvironment> sources, bool required, CancellationToken cancellationToken)
    {
        var attempts = new List<string>();
        foreach (var source in sources)
        {
            var folder = Staging(run);
            try
            {
                var check = await ReadAsync(source, candidate, folder, cancellationToken).ConfigureAwait(false);
                if (check.Problems.Count > 0)
                {
                    throw new ReleaseRefusedException(
                        $"Refused: qa-unchanged: what {source.Name} holds of {candidate.Version} {candidate.Digest} is not what was recorded there: {string.Join("; ", check.Problems)}. Nothing was promoted.");
                }

                if (check.Complete)
                {
                    candidate.Manifest.WriteTo(folder);
                    var kept = run.Store.Store(folder, candidate.Environment);
                    run.Report.ReadBack(source, kept, check.Detail);
                    return kept;
                }

                attempts.Add($"{source.Name}: {check.Detail}");
            }
            finally
            {
                Remove(folder);
            }
        }

        return required
            ? throw new ReleaseRefusedException(
                $"Refused: the bytes of {candidate.Version} {candidate.Digest} are not in this runner's candidate store ({run.Store.Root}), and no environment gives them back whole ({string.Join("; ", attempts)}). A candidate is never rebuilt for a release: promote it from a runner that has it, or deploy QA with a deployer that can read back (a folder or a NuGet feed).")
            : null;
    }

    private static async Task<ReadBackCheck> ReadAsync(DeliveryEnvironment environment, Deployment candidate, AbsolutePath folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var deployer = environment.Deployer;
        var readBack = await deployer.ReadBackAsync(candidate with { Environment = environment.Name, Location = deployer.Location(candidate) }, folder, cancellationToken).ConfigureAwait(false);
        if (readBack.Status != ReadBackStatus.Read)
        {
            return new ReadBackCheck(readBack.Status, readBack.Detail, [], Complete: false);
        }

        var held = readBack.Paths.ToHashSet(StringComparer.Ordinal);
        var scope = candidate.Manifest with { Files = [.. candidate.Manifest.Files.Where(f => held.Contains(f.Path))] };
        var missing = candidate.Manifest.Files.Count - scope.Files.Count;
        var detail = missing == 0
            ? $"{scope.Files.Count} files from {readBack.Detail}"
            : $"{scope.Files.Count} of the candidate's {candidate.Manifest.Files.Count} files from {readBack.Detail} (it keeps only those)";
        return new ReadBackCheck(ReadBackStatus.Read, detail, scope.Verify(folder), Complete: missing == 0);
    }

    private static AbsolutePath Staging(DeliveryRun run) => run.Store.Root / $".readback.{Guid.NewGuid():N}";

    private static void Remove(AbsolutePath folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Leftover read-back copies are harmless: nothing reads a staging folder twice.
        }
    }
}

/// <summary>
/// What an environment gave back of a candidate: how the read went, from where, every file that differs from the
/// manifest (naming it), and whether it holds the whole candidate (a NuGet feed keeps only its packages).
/// </summary>
internal sealed record ReadBackCheck(ReadBackStatus Status, string Detail, IReadOnlyList<string> Problems, bool Complete);
