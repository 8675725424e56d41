using Pipeline.Delivery.Records;

namespace Pipeline.Delivery;

/// <summary>What delivery tells the person running it; the output layer decides how it reads.</summary>
internal interface IDeliveryReport
{
    void ApprovalRecorded(LedgerRecord approval, string ledgerPath);

    /// <summary>Another release holds the environment's lock; this one waits for it.</summary>
    void WaitingForLock(GatePass pass, string holder);

    /// <summary>Every rule's verdict on the pass (under <c>--dry-run</c>, what a real pass would be judged).</summary>
    void Verdicts(GatePass pass, IReadOnlyList<RuleVerdict> verdicts, bool dryRun);

    /// <summary>The candidate is in the environment: published now, or found there already.</summary>
    void Deployed(GatePass pass, Deployment deployed, LedgerOutcome outcome);

    void CheckStarting(DeliveryEnvironment environment, string check, Deployment deployed);

    void PassedChecks(DeliveryEnvironment environment, Deployment candidate, IReadOnlyList<CheckVerdict> checks);

    /// <summary>An attempt that started and never concluded was found, and recorded as interrupted.</summary>
    void AttemptInterrupted(DeliveryEnvironment environment, LedgerRecord started);

    /// <summary>A check of the environment failed after a release; <paramref name="rollback"/> is what was deployed again, if anything.</summary>
    void ChecksFailed(DeliveryEnvironment environment, Deployment candidate, IReadOnlyList<CheckVerdict> checks, Deployment? rollback);

    /// <summary>A candidate this runner did not have was read back from <paramref name="source"/>, verified, and kept.</summary>
    void ReadBack(DeliveryEnvironment source, Deployment candidate, string detail);

    /// <summary>The gate decided (refused, deployed, or judged under <c>--dry-run</c>): kept for the run's summary.</summary>
    void Decided(ReleaseDecision decision);

    /// <summary>Every decision reported so far, in order, for the run's summary (<c>artifacts/summary.md</c>, the job summary).</summary>
    IReadOnlyList<ReleaseDecision> Decisions { get; }
}
