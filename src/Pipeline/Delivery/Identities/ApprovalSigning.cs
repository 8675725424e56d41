using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Identities;

/// <summary>
/// Signed approvals (<c>ReleasePolicy.RequireSignedApprovals</c>): on <c>--approve</c> the approver's SSH key signs
/// the <see cref="ApprovalStatement"/>, and the approver is the principal the allowed-signers file gives that key;
/// when judging, every approval of the candidate is verified against the same file.
/// </summary>
internal static class ApprovalSigning
{
    private const string Probe = "pipeline approval: which principal holds this key?\n";

    /// <summary>The unsigned approval <paramref name="approval"/>, given by the key's principal and signed by it.</summary>
    public static async Task<LedgerRecord> SignAsync(DeliveryRun run, GatePass pass, LedgerRecord approval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(pass);
        ArgumentNullException.ThrowIfNull(approval);
        var (allowedSigners, shownAs) = AllowedSigners(run, pass);
        var key = await SigningKey.FindAsync(run, cancellationToken).ConfigureAwait(false);

        // find-principals reads the key from a signature, and the statement names the principal: so a probe first.
        var probe = await SshKeygen.SignAsync(key.Path, Probe, cancellationToken).ConfigureAwait(false);
        var principals = await SshKeygen.FindPrincipalsAsync(allowedSigners, probe, cancellationToken).ConfigureAwait(false);
        var principal = principals switch
        {
            [] => throw new ReleaseRefusedException(
                $"The key {key.Path} (from {key.Source}) is not in {shownAs}: add a line with your identity and its public key, e.g. 'you@example.com ssh-ed25519 AAAA...'."),
            [var one] when !one.Contains('*', StringComparison.Ordinal) && !one.Contains('?', StringComparison.Ordinal) => one,
            _ => throw new ReleaseRefusedException(
                $"The key {key.Path} is listed in {shownAs} for {string.Join(", ", principals)}: an approving key must name exactly one person."),
        };

        // The ledger masks secrets in what it writes, so the statement signs the comment as the ledger will keep it.
        var given = approval with
        {
            Who = principal,
            WhoSource = $"principal of the SSH key {key.Path} ({key.Source}) in {shownAs}",
            Comment = approval.Comment is { } comment ? run.Secrets.Apply(comment) : null,
        };
        var signature = await SshKeygen.SignAsync(key.Path, ApprovalStatement.Of(given, pass.Environment.Name), cancellationToken).ConfigureAwait(false);
        return given with { Signature = signature };
    }

    /// <summary>Every approval of the candidate checked: signed, by its principal, of exactly this environment, version, digest, time and comment.</summary>
    public static async Task<IReadOnlyDictionary<LedgerRecord, SignatureCheck>> VerifyAsync(
        DeliveryRun run, GatePass pass, IEnumerable<LedgerRecord> approvals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pass);
        ArgumentNullException.ThrowIfNull(approvals);
        var (allowedSigners, _) = AllowedSigners(run, pass);
        var checks = new Dictionary<LedgerRecord, SignatureCheck>();
        foreach (var approval in approvals.Where(a => a.Digest == pass.Candidate.Digest).Distinct())
        {
            checks[approval] = approval.Signature is not { } signature
                ? new SignatureCheck(false, "it is not signed, and this policy requires signed approvals")
                : await SshKeygen.VerifyAsync(allowedSigners, approval.Who, signature, ApprovalStatement.Of(approval, pass.Environment.Name), cancellationToken)
                    .ConfigureAwait(false);
        }

        return checks;
    }

    private static (string Path, string ShownAs) AllowedSigners(DeliveryRun run, GatePass pass)
    {
        var relative = pass.Step.Policy.AllowedSignersFile!;
        var path = run.Build.Root / relative;
        return File.Exists(path)
            ? (path, relative)
            : throw new ReleaseRefusedException($"The allowed-signers file {relative} (ReleasePolicy.RequireSignedApprovals) does not exist: one line per approver, 'alice@example.com ssh-ed25519 AAAA...'.");
    }
}
