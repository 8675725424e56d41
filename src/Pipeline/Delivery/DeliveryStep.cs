namespace Pipeline.Delivery;

/// <summary>
/// What a target declared with <see cref="Target.PublishesTo"/> or <see cref="Target.Promotes"/> does. Its body
/// needs the invocation (command line, host, earlier results), which <see cref="DeliveryRun"/> supplies.
/// </summary>
internal abstract class DeliveryStep(Target target, DeliveryEnvironment environment, ReleasePolicy policy)
{
    public Target Target { get; } = target;

    public DeliveryEnvironment Environment { get; } = environment;

    public ReleasePolicy Policy { get; } = policy;

    /// <summary>Deploys in <paramref name="run"/>: the invocation's request, host, records and earlier results.</summary>
    public Task RunAsync(DeliveryRun run, CancellationToken cancellationToken) => ExecuteAsync(run, cancellationToken);

    protected abstract Task ExecuteAsync(DeliveryRun run, CancellationToken cancellationToken);
}
