using Pipeline.Delivery.Records;

namespace Pipeline.Delivery;

/// <summary>
/// One candidate on its way through the gate into the step's environment: how it is released (<see cref="Mode"/>),
/// what the ledger calls a successful pass (<see cref="Kind"/>: deployment, release or rollback), and for a
/// promotion the QA environment whose evidence it needs.
/// </summary>
internal sealed record GatePass(DeliveryStep Step, Deployment Candidate, ReleaseMode Mode, LedgerRecordKind Kind)
{
    public DeliveryEnvironment? Qa { get; init; }

    /// <summary>For a promotion: how <see cref="Mode"/> was chosen (the script's, or a stricter one asked for).</summary>
    public ModeChoice? ModeChoice { get; init; }

    public DeliveryEnvironment Environment => Step.Environment;

    public bool IsRollback => Kind == LedgerRecordKind.Rollback;
}
