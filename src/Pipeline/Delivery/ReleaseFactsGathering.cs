using Pipeline.Delivery.Rules;

namespace Pipeline.Delivery;

/// <summary>
/// Reads what the rules judge, once, at one moment: the candidate's integrity, both ledgers, what QA still holds
/// of the candidate (read back), the commit's author and the working tree from git. The judging itself (<see cref="Judgement"/>) reads nothing.
/// </summary>
internal static class ReleaseFactsGathering
{
    public static async Task<ReleaseFacts> GatherAsync(DeliveryRun run, GatePass pass, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var root = run.Build.Root;
        var policy = pass.Step.Policy;
        var commit = pass.Candidate.Manifest.Commit;
        return new ReleaseFacts
        {
            Candidate = pass.Candidate,
            Environment = pass.Environment,
            Policy = policy,
            Mode = pass.Mode,
            IsRollback = pass.IsRollback,
            IntegrityProblems = CandidateStore.Problems(pass.Candidate),
            History = run.LedgerOf(pass.Environment).Read().Records,
            QaEnvironment = pass.Qa,
            QaHistory = pass.Qa is { } qa ? run.LedgerOf(qa).Read().Records : [],
            QaReadBack = pass.Qa is { } from && !pass.IsRollback && policy.PassedQa
                ? await CandidateReadBack.CheckAsync(run, from, pass.Candidate, cancellationToken).ConfigureAwait(false)
                : null,
            CommitAuthor = commit is null ? null : await GitOutput.ReadAsync(root, cancellationToken, "log", "-1", "--format=%ae", commit).ConfigureAwait(false),
            Identity = run.Build.Identity,
            WorkingTreeDirty = policy.CleanWorkingTree && await GitOutput.ReadAsync(root, cancellationToken, "status", "--porcelain").ConfigureAwait(false) is not null,
            Now = now,
            FreezeOverrideReason = run.Request.FreezeOverrideReason,
        };
    }
}
