using Pipeline.Delivery;
using Pipeline.Delivery.Records;

namespace Pipeline.Output;

/// <summary>Delivery's report as the console shows it (standard output, where each target's lines are labelled).</summary>
/// <param name="output">Where it writes; by default <see cref="Console.Out"/> as it is at each write.</param>
internal sealed class ConsoleDeliveryReport(TextWriter? output = null) : IDeliveryReport
{
    private readonly List<ReleaseDecision> _decisions = [];

    private TextWriter Out => output ?? Console.Out;

    public IReadOnlyList<ReleaseDecision> Decisions
    {
        get
        {
            lock (_decisions)
            {
                return [.. _decisions];
            }
        }
    }

    public void Decided(ReleaseDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        lock (_decisions)
        {
            _decisions.Add(decision);
        }
    }

    public void ReadBack(DeliveryEnvironment source, Deployment candidate, string detail)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(candidate);
        Out.WriteLine($"Read {candidate.Version} {candidate.Digest} back from {source.Name}: {detail}, each verified against the recorded manifest; kept in the candidate store, not rebuilt.");
    }

    public void ApprovalRecorded(LedgerRecord approval, string ledgerPath)
    {
        ArgumentNullException.ThrowIfNull(approval);
        Out.WriteLine($"Approval of {approval.Version} {approval.Digest} by {approval.Who} recorded in {ledgerPath}.");
    }

    public void WaitingForLock(GatePass pass, string holder)
    {
        ArgumentNullException.ThrowIfNull(pass);
        Out.WriteLine($"Another release to {pass.Environment.Name} is in progress ({holder}); waiting up to {Durations.Format(pass.Step.Policy.LockWait)} for it.");
    }

    public void Verdicts(GatePass pass, IReadOnlyList<RuleVerdict> verdicts, bool dryRun) => RuleReport.Print(Out, pass, verdicts, dryRun);

    public void Deployed(GatePass pass, Deployment deployed, LedgerOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(pass);
        ArgumentNullException.ThrowIfNull(deployed);
        var environment = pass.Environment;
        DeliveredAs(environment.Name, deployed.Digest, outcome);
        Out.WriteLine(outcome == LedgerOutcome.Published
            ? $"{Verb(pass.Kind)} {deployed.Version} {deployed.Digest} to {environment.Name} ({environment.Deployer.Describe()})."
            : pass.IsRollback
                ? $"Rolled back to {deployed.Version} {deployed.Digest}: its bytes were still in {environment.Name} ({deployed.Location}), so nothing was copied again."
                : $"{deployed.Version} {deployed.Digest} is already in {environment.Name}: nothing published again.");
    }

    public void CheckStarting(DeliveryEnvironment environment, string check, Deployment deployed)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(deployed);
        Out.WriteLine($"Check '{check}' of {deployed.Version} in {environment.Name}");
    }

    public void PassedChecks(DeliveryEnvironment environment, Deployment candidate, IReadOnlyList<CheckVerdict> checks)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(checks);
        Out.WriteLine($"{candidate.Version} {candidate.Digest} passed {environment.Name}" +
            (checks.Count > 0 ? $" ({string.Join(", ", checks.Select(c => c.Name))})." : " (no checks declared)."));
    }

    public void AttemptInterrupted(DeliveryEnvironment environment, LedgerRecord started)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(started);
        Out.WriteLine($"The {LedgerNames.Of(started.Kind)} of {started.Version} {started.Digest} to {environment.Name} started by {started.Who} never concluded: recorded as interrupted.");
    }

    public void ChecksFailed(DeliveryEnvironment environment, Deployment candidate, IReadOnlyList<CheckVerdict> checks, Deployment? rollback)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(checks);
        Out.WriteLine($"{candidate.Version} {candidate.Digest} failed its checks in {environment.Name}: " +
            string.Join("; ", checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")) +
            (rollback is null ? "." : $"; rolled back to {rollback.Version} {rollback.Digest}."));
    }

    /// <summary>The allowed decision this deployment carried out: it now says how the deployment ended.</summary>
    private void DeliveredAs(string environment, string digest, LedgerOutcome outcome)
    {
        lock (_decisions)
        {
            var index = _decisions.FindLastIndex(d => d.Environment == environment && d.Digest == digest && d.Outcome == ReleaseDecisionOutcome.Allowed && d.Delivered is null);
            if (index >= 0)
            {
                _decisions[index] = _decisions[index] with { Delivered = outcome };
            }
        }
    }

    private static string Verb(LedgerRecordKind kind) => kind switch
    {
        LedgerRecordKind.Release => "Released",
        LedgerRecordKind.Rollback => "Rolled back to",
        _ => "Deployed",
    };
}
