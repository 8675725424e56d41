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

        var folder = LocalFolder();
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        var pushed = 0;
        foreach (var package in packages)
        {
            // A folder feed does not honour --skip-duplicate: compare what is there instead.
            var existing = folder is null ? null : Path.Combine(folder, package.Name);
            if (existing is not null && File.Exists(existing))
            {
                if (Checksums.Sha256(existing) == Checksums.Sha256(package))
                {
                    continue;
                }

                if (kind == EnvironmentKind.Production)
                {
                    throw new ReleaseRefusedException($"Refused: {existing} already holds {package.Name} with other bytes; a released version is immutable, so release a new version.");
                }

                File.Delete(existing);
            }

            var result = await DotNet.NuGetPushAsync(package, Source, apiKey, cancellationToken).ConfigureAwait(false);

            // --skip-duplicate reports a package the feed already holds instead of failing on it.
            var duplicate = result.StandardOutput.Contains("already exists", StringComparison.OrdinalIgnoreCase) ||
                result.StandardOutput.Contains("Conflict", StringComparison.Ordinal);
            pushed += duplicate ? 0 : 1;
        }

        return pushed == 0 ? DeployOutcome.AlreadyPresent : DeployOutcome.Published;
    }

    /// <summary>The candidate's packages as the feed holds them: from its folder, or downloaded from the server.</summary>
    public Task<ReadBack> ReadBackAsync(Deployment deployment, AbsolutePath into, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(into);
        var packages = deployment.Manifest.Files.Where(f => f.Path.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase)).ToList();
        if (packages.Count == 0)
        {
            return Task.FromResult(ReadBack.Missing($"{deployment.Version} has no .nupkg file, so {Source} holds none of it"));
        }

        return LocalFolder() is { } folder
            ? Task.FromResult(NuGetFeedReading.FromFolder(folder, packages, into, cancellationToken))
            : NuGetFeedReading.FromServerAsync(new Uri(Source), packages, into, cancellationToken);
    }

    /// <summary>The feed's folder when it is a local path rather than a server URL.</summary>
    private string? LocalFolder() =>
        Uri.TryCreate(Source, UriKind.Absolute, out var uri) && !uri.IsFile ? null : Path.GetFullPath(uri?.LocalPath ?? Source);
}
