namespace Pipeline.Delivery.Deployers;

/// <summary>
/// A deployment the script supplies: a delegate, or a command given the manifest and every file's path. Pipeline
/// makes it idempotent from the outside: a digest the environment's ledger shows deployed is not deployed again.
/// </summary>
public sealed class ScriptDeployer(string description, Func<Deployment, CancellationToken, Task> deploy) : IDeployer
{
    public string Describe() => description;

    public string Location(Deployment deployment) => description;

    public async Task<DeployOutcome> DeployAsync(Deployment deployment, EnvironmentKind kind, CancellationToken cancellationToken)
    {
        await deploy(deployment, cancellationToken).ConfigureAwait(false);
        return DeployOutcome.Published;
    }
}
