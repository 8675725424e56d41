namespace Pipeline.Delivery.Deployers;

/// <summary>
/// Deploys into <c>&lt;folder&gt;/&lt;version&gt;/</c>: the files and their manifest, copied into a hidden
/// folder first and renamed into place, so an interrupted deployment leaves the old state or the new, never
/// half; the file <c>current</c> names the version deployed last. The embedded default:
/// <c>artifacts/environments/&lt;name&gt;/</c>.
/// </summary>
public sealed class FolderDeployer(AbsolutePath folder) : IDeployer
{
    public AbsolutePath Folder { get; } = folder;

    public string Describe() => $"folder {Folder}";

    public string Location(Deployment deployment) => Folder / deployment.Version;

    public Task<DeployOutcome> DeployAsync(Deployment deployment, EnvironmentKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        Directory.CreateDirectory(Folder);
        RemoveLeftovers();
        var final = Path.Combine(Folder, deployment.Version);
        if (Directory.Exists(final))
        {
            var present = ReleaseManifest.Read(Path.Combine(final, ReleaseManifest.FileName));
            if (present?.Digest == deployment.Digest && present.Verify(final).Count == 0)
            {
                MarkCurrent(deployment);
                return Task.FromResult(DeployOutcome.AlreadyPresent);
            }

            if (kind == EnvironmentKind.Production && present is not null)
            {
                throw new ReleaseRefusedException(
                    $"{final} already holds version {deployment.Version} with other bytes ({present.Digest}); a released version is immutable, so release a new version.");
            }
        }

        var staging = Path.Combine(Folder, $".{deployment.Version}.{Guid.NewGuid():N}.partial");
        Directory.CreateDirectory(staging);
        deployment.Manifest.CopyFiles(deployment.Directory, staging, cancellationToken);
        if (deployment.Manifest.Verify(staging) is { Count: > 0 } problems)
        {
            Directory.Delete(staging, recursive: true);
            throw new ReleaseRefusedException($"The copy in {Folder} does not match the manifest: {string.Join("; ", problems)}.");
        }

        if (Directory.Exists(final))
        {
            // Only a QA environment gets here: the same version rebuilt, replaced as a whole.
            var old = Path.Combine(Folder, $".{deployment.Version}.{Guid.NewGuid():N}.old");
            Directory.Move(final, old);
            Directory.Move(staging, final);
            Directory.Delete(old, recursive: true);
        }
        else
        {
            Directory.Move(staging, final);
        }

        MarkCurrent(deployment);
        return Task.FromResult(DeployOutcome.Published);
    }

    /// <summary>Copies every file of <c>&lt;folder&gt;/&lt;version&gt;/</c> (extra ones too, so they show) into <paramref name="into"/>.</summary>
    public Task<ReadBack> ReadBackAsync(Deployment deployment, AbsolutePath into, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(into);
        var deployed = Path.Combine(Folder, deployment.Version);
        if (!Directory.Exists(deployed))
        {
            return Task.FromResult(ReadBack.Missing($"{deployed} does not exist"));
        }

        foreach (var file in Directory.EnumerateFiles(deployed, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(deployed, file);
            if (relative == ReleaseManifest.FileName)
            {
                continue;
            }

            var target = Path.Combine(into, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        return Task.FromResult(ReadBack.Read(deployment.Manifest.Files.Select(f => f.Path), deployed));
    }

    /// <summary>The file <c>current</c> names the version the environment runs now (after a rollback, the older one).</summary>
    private void MarkCurrent(Deployment deployment) =>
        Files.AtomicFile.WriteAllText(Path.Combine(Folder, "current"), deployment.Version + "\n");

    /// <summary>Hidden folders an interrupted deployment left behind; never a deployed version.</summary>
    private void RemoveLeftovers()
    {
        foreach (var leftover in Directory.EnumerateDirectories(Folder, ".*"))
        {
            if (leftover.EndsWith(".partial", StringComparison.Ordinal) || leftover.EndsWith(".old", StringComparison.Ordinal))
            {
                try
                {
                    Directory.Delete(leftover, recursive: true);
                }
                catch (IOException)
                {
                    // Another deployment may be writing it right now; the next one tidies up.
                }
            }
        }
    }
}
