using System.Collections.Concurrent;
using Pipeline.Delivery.Records;
using Pipeline.Execution;
using Pipeline.Hosts;
using Pipeline.Secrets;

namespace Pipeline.Delivery;

/// <summary>
/// One invocation as the delivery steps see it: the request from the command line, the build (identity, root),
/// the candidate store, the targets finished so far, and the candidates this run produced or selected; what
/// delivery reports goes to <see cref="Report"/>, and every time it records comes from <see cref="Clock"/>.
/// </summary>
internal sealed class DeliveryRun(Build build, DeliveryRequest request, HostEnvironment environment, IDeliveryReport report, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Target, TargetResult> _finished = new();
    private readonly ConcurrentDictionary<DeliveryEnvironment, Deployment> _passed = new();

    public Build Build { get; } = build;

    public DeliveryRequest Request { get; } = request;

    public HostEnvironment Environment { get; } = environment;

    public CandidateStore Store { get; } = new(build.Root / "artifacts" / "candidates");

    /// <summary>Every environment's ledger, the locks and the candidate index: read and written only through here.</summary>
    public required RecordsStore Records { get; init; }

    public Ledger LedgerOf(DeliveryEnvironment environment) => Records.LedgerOf(environment);

    /// <summary>The run's secrets: masked in every record and failure message.</summary>
    public required SecretMasker Secrets { get; init; }

    /// <summary>How a failed check is described: masked with the run's secrets, located in the script.</summary>
    public FailureMessage Failures => new(Build.Root, Secrets);

    /// <summary>The candidate chosen before the run (from evidence, <c>--candidate</c> or <c>--rollback-to</c>), per promotion.</summary>
    public ConcurrentDictionary<Promotion, Deployment> Selected { get; } = new();

    public IDeliveryReport Report { get; } = report;

    public TimeProvider Clock { get; } = clock;

    public DateTimeOffset Now => Clock.GetUtcNow();

    public void Finished(TargetResult result) => _finished[result.Target] = result;

    public TargetResult? ResultOf(Target target) => _finished.GetValueOrDefault(target);

    /// <summary>A candidate that passed the checks of <paramref name="environment"/> in this run.</summary>
    public Deployment? PassedIn(DeliveryEnvironment environment) => _passed.GetValueOrDefault(environment);

    public void Passed(DeliveryEnvironment environment, Deployment candidate) => _passed[environment] = candidate;
}
