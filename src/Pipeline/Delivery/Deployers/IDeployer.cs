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
}

public enum DeployOutcome
{
    Published,
    AlreadyPresent,
}
