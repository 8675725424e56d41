using Pipeline.Delivery.Identities;
using Pipeline.Delivery.Records;
using Pipeline.Hosts;

namespace Pipeline.Delivery.Rules;

/// <summary>Everything the rules look at, gathered once, so every rule judges the same moment.</summary>
internal sealed record ReleaseFacts
{
    public required Deployment Candidate { get; init; }

    public required DeliveryEnvironment Environment { get; init; }

    public required ReleasePolicy Policy { get; init; }

    public required ReleaseMode Mode { get; init; }

    public bool IsRollback { get; init; }

    /// <summary>Differences between the stored files and the manifest; empty when intact.</summary>
    public IReadOnlyList<string> IntegrityProblems { get; init; } = [];

    /// <summary>The target environment's ledger.</summary>
    public IReadOnlyList<LedgerRecord> History { get; init; } = [];

    /// <summary>The QA environment's ledger, when the candidate comes from one.</summary>
    public IReadOnlyList<LedgerRecord> QaHistory { get; init; } = [];

    public DeliveryEnvironment? QaEnvironment { get; init; }

    /// <summary>The approval given on this command line (<c>--approve</c>), not yet in the ledger.</summary>
    public LedgerRecord? NewApproval { get; init; }

    /// <summary>The commits being released and their authors (none of whom may approve); null when git cannot say.</summary>
    public ReleasedCommits? ReleasedCommits { get; init; }

    /// <summary>Who the CI host says started this run (none of whom may approve it).</summary>
    public IReadOnlyList<Approver> TriggeredBy { get; init; } = [];

    /// <summary>Who is running this release (for break-glass), or null when nobody says.</summary>
    public Approver? Actor { get; init; }

    /// <summary>Which identities are one person (no-reply addresses, the policy's alias file).</summary>
    public People People { get; init; } = People.WithoutAliases;

    /// <summary>With signed approvals, each approval of the candidate's digest verified (or why not); null when the policy needs no signatures.</summary>
    public IReadOnlyDictionary<LedgerRecord, SignatureCheck>? Signatures { get; init; }

    public required BuildIdentity Identity { get; init; }

    public bool WorkingTreeDirty { get; init; }

    public DateTimeOffset Now { get; init; }

    public string? FreezeOverrideReason { get; init; }

    /// <summary>Null when the lock is free or held by this run; otherwise who holds it.</summary>
    public string? LockHeldBy { get; init; }

    /// <summary>How the release mode was chosen, for a promotion (the script is the ceiling).</summary>
    public ModeChoice? ModeChoice { get; init; }

    /// <summary>A deployment into QA (a publication), which no ref rule restricts.</summary>
    public bool IsQaDeployment { get; init; }

    /// <summary>The repository's default branch, read for a promotion whose policy names no refs.</summary>
    public DefaultBranch? DefaultBranch { get; init; }

    /// <summary>What the QA environment gave back of the candidate, compared with its manifest; null when not read (a rollback, no QA).</summary>
    public ReadBackCheck? QaReadBack { get; init; }

    /// <summary>Who approved this very digest with an approval that counts (<see cref="ApprovalReview"/>), newest first, for the run's summary.</summary>
    public IReadOnlyList<string> CandidateApprovers => [.. ApprovalReview.Counting(this).Select(a => a.Approval.Who)];

    /// <summary>Approvals of this environment, newest first, the one given now included.</summary>
    public IEnumerable<LedgerRecord> Approvals =>
        History.Where(r => r.Kind == LedgerRecordKind.Approval).Append(NewApproval).OfType<LedgerRecord>().OrderByDescending(r => r.Time);

    /// <summary>Releases and rollbacks that reached the environment, newest first.</summary>
    public IEnumerable<LedgerRecord> Releases =>
        History.Where(r => r.Released).OrderByDescending(r => r.Time);
}
