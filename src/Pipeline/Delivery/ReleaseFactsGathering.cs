using Pipeline.Delivery.Identities;
using Pipeline.Delivery.Records;
using Pipeline.Delivery.Rules;

namespace Pipeline.Delivery;

/// <summary>
/// Reads what the rules judge, once, at one moment: the candidate's integrity, both ledgers, what QA still holds
/// of the candidate (read back), the authors of the commits being released and the working tree from git, who
/// started the run, the approvals' signatures (ssh-keygen). The judging itself (<see cref="Judgement"/>) reads nothing.
/// </summary>
internal static class ReleaseFactsGathering
{
    /// <param name="newApproval">An approval given now and not written (<c>--dry-run</c>).</param>
    /// <param name="hostApprovals">The host's reviewers' approvals, read now and not written (<c>--dry-run</c>): judged as if in the ledger.</param>
    public static async Task<ReleaseFacts> GatherAsync(
        DeliveryRun run, GatePass pass, DateTimeOffset now, CancellationToken cancellationToken, LedgerRecord? newApproval = null, IReadOnlyList<LedgerRecord>? hostApprovals = null)
    {
        var root = run.Build.Root;
        var policy = pass.Step.Policy;
        var commit = pass.Candidate.Manifest.Commit;
        IReadOnlyList<LedgerRecord> history = [.. run.LedgerOf(pass.Environment).Read().Records, .. hostApprovals ?? []];
        return new ReleaseFacts
        {
            Candidate = pass.Candidate,
            Environment = pass.Environment,
            Policy = policy,
            Mode = pass.Mode,
            IsRollback = pass.IsRollback,
            IntegrityProblems = CandidateStore.Problems(pass.Candidate),
            History = history,
            NewApproval = newApproval,
            QaEnvironment = pass.Qa,
            QaHistory = pass.Qa is { } qa ? run.LedgerOf(qa).Read().Records : [],
            ReleasedCommits = await ReleasedCommits.ReadAsync(root, commit, history, pass.Environment.Name, cancellationToken).ConfigureAwait(false),
            TriggeredBy = Approver.TriggeredBy(run.Build.Host, run.Environment),
            Actor = await Approver.FindAsync(run.Build.Host, run.Environment, root, cancellationToken).ConfigureAwait(false),
            People = policy.IdentityAliasesFile is { } aliases ? IdentityAliases.Read(root / aliases, aliases) : People.WithoutAliases,
            Signatures = policy.AllowedSignersFile is null || pass.Mode == ReleaseMode.Deployment
                ? null
                : await ApprovalSigning.VerifyAsync(run, pass, history.Where(r => r.Kind == LedgerRecordKind.Approval).Append(newApproval).OfType<LedgerRecord>(), cancellationToken).ConfigureAwait(false),
            QaReadBack = pass.Qa is { } from && !pass.IsRollback && policy.PassedQa
                ? await CandidateReadBack.CheckAsync(run, from, pass.Candidate, cancellationToken).ConfigureAwait(false)
                : null,
            Identity = run.Build.Identity,
            WorkingTreeDirty = policy.CleanWorkingTree && await GitOutput.ReadAsync(root, cancellationToken, "status", "--porcelain").ConfigureAwait(false) is not null,
            Now = now,
            FreezeOverrideReason = run.Request.FreezeOverrideReason,
            ModeChoice = pass.ModeChoice,
            IsQaDeployment = pass.Step is Publication,
            DefaultBranch = pass.Step is Promotion && policy.AllowedRefs.Count == 0
                ? await DefaultBranch.FindAsync(run.Build.Host, run.Environment, root, cancellationToken).ConfigureAwait(false)
                : null,
        };
    }
}
