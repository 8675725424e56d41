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

    /// <summary>Set by the invocation before anything runs.</summary>
    public DeliveryRun? Run { get; set; }

    public Task ExecuteAsync(CancellationToken cancellationToken) =>
        ExecuteAsync(Run ?? throw new InvalidOperationException($"Target '{Target.Name}' deploys, which only works in a run started by Build.RunAsync."), cancellationToken);

    protected abstract Task ExecuteAsync(DeliveryRun run, CancellationToken cancellationToken);
}
