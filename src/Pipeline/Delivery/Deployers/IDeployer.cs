namespace Pipeline.Delivery.Deployers;

/// <summary>
/// Puts a verified candidate into an environment. A deployer must be idempotent: deploying a digest that is
/// already there returns <see cref="DeployOutcome.AlreadyPresent"/> and publishes nothing.
/// </summary>
public interface IDeployer
{
    /// <summary>Where it deploys, for reports (never a secret).</summary>
    string Describe();

    /// <summary>Where the environment's candidate is found once deployed (a folder or feed), for checks.</summary>
    string Location(Deployment deployment);

    Task<DeployOutcome> DeployAsync(Deployment deployment, EnvironmentKind kind, CancellationToken cancellationToken);

    /// <summary>
    /// Copies what the environment holds of <paramref name="deployment"/> (its version and manifest say which) into
    /// <paramref name="into"/>, under the manifest's paths, changing nothing in the environment. Pipeline verifies
    /// the copy against the manifest: to see that the environment still holds the checked bytes, and to promote a
    /// candidate on a runner that never deployed it. By default a deployer cannot.
    /// </summary>
    Task<ReadBack> ReadBackAsync(Deployment deployment, AbsolutePath into, CancellationToken cancellationToken) =>
        Task.FromResult(ReadBack.NotSupported($"{Describe()} cannot read back what it deployed"));
}

public enum DeployOutcome
{
    Published,
    AlreadyPresent,
}
