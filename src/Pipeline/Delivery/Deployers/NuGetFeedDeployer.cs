namespace Pipeline.Delivery.Deployers;

/// <summary>
/// Pushes every <c>.nupkg</c> of the candidate to a NuGet feed: a folder feed or a server URL with an API key
/// (registered as a secret, so it is masked in every log and never reaches the ledger). A version already in
/// the feed is skipped (<c>--skip-duplicate</c>), which makes a second deployment publish nothing.
/// </summary>
public sealed class NuGetFeedDeployer(string source, string? apiKey) : IDeployer
{
    public string Source { get; } = source;

    public string Describe() => $"NuGet feed {Source}";

    public string Location(Deployment deployment) => Source;

    public async Task<DeployOutcome> DeployAsync(Deployment deployment, EnvironmentKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var packages = deployment.Files.Where(f => f.Name.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase)).ToList();
        if (packages.Count == 0)
        {
            throw new ReleaseRefusedException($"The candidate {deployment.Version} ({deployment.Digest}) has no .nupkg file to push to {Source}.");
        }

        var pushed = 0;
        foreach (var package in packages)
        {
            var result = await DotNet.NuGetPushAsync(package, Source, apiKey, cancellationToken).ConfigureAwait(false);

            // --skip-duplicate reports a package the feed already holds instead of failing on it.
            var duplicate = result.StandardOutput.Contains("already exists", StringComparison.OrdinalIgnoreCase) ||
                result.StandardOutput.Contains("Conflict", StringComparison.Ordinal);
            pushed += duplicate ? 0 : 1;
        }

        return pushed == 0 ? DeployOutcome.AlreadyPresent : DeployOutcome.Published;
    }
}
