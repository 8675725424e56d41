using Pipeline.Delivery.Records;
using Pipeline.Hosts;

namespace Pipeline.Delivery;

/// <summary>What every ledger record about one candidate in one run shares: the candidate, who acts, and the host and run.</summary>
internal sealed record RecordStamp(Deployment Candidate, Approver Who, BuildIdentity Identity)
{
    /// <summary>Stands in for the actor when neither the host nor git says who acts.</summary>
    public static readonly Approver Nobody = new("unknown", "nobody said: no CI user variable, no git user.email");

    public LedgerRecord Record(LedgerRecordKind kind, LedgerOutcome outcome, DateTimeOffset time) => new()
    {
        Kind = kind,
        Environment = Candidate.Environment,
        Time = time,
        Who = Who.Identity,
        WhoSource = Who.Source,
        Version = Candidate.Version,
        Digest = Candidate.Digest,
        Commit = Candidate.Manifest.Commit,
        Host = Identity.Host,
        RunUrl = Identity.BuildUrl,
        Outcome = outcome,
    };
}
