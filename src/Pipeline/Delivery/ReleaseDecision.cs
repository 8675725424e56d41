using Pipeline.Delivery.Records;
using Pipeline.Delivery.Rules;

namespace Pipeline.Delivery;

/// <summary>
/// What the gate decided for one candidate and environment, as the run's summary shows it: the environment, version
/// and digest, the mode, every rule's verdict, who approved it, and how it ended.
/// </summary>
internal sealed record ReleaseDecision(
    string Environment,
    LedgerRecordKind Kind,
    string Version,
    string Digest,
    ReleaseMode Mode,
    IReadOnlyList<RuleVerdict> Verdicts,
    IReadOnlyList<string> Approvers,
    ReleaseDecisionOutcome Outcome)
{
    /// <summary>For an allowed candidate, how the deployment ended (published, already present); null while it has not.</summary>
    public LedgerOutcome? Delivered { get; init; }

    public static ReleaseDecision Of(GatePass pass, ReleaseFacts facts, Judgement judgement, ReleaseDecisionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(pass);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(judgement);
        var candidate = pass.Candidate;
        return new(pass.Environment.Name, pass.Kind, candidate.Version, candidate.Digest, pass.Mode, judgement.Verdicts, facts.CandidateApprovers, outcome);
    }
}

internal enum ReleaseDecisionOutcome
{
    /// <summary>Every rule passed: the candidate goes to the deployer (<see cref="ReleaseDecision.Delivered"/> says how that ended).</summary>
    Allowed,

    Refused,

    /// <summary>Judged under <c>--dry-run</c>: every rule passed, nothing was changed.</summary>
    WouldPass,

    /// <summary>Judged under <c>--dry-run</c>: a rule would refuse.</summary>
    WouldBeRefused,
}
