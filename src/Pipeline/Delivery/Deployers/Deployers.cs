namespace Pipeline.Delivery.Deployers;

/// <summary>The built-in deployers, for <see cref="DeliveryEnvironment.DeploysWith(IDeployer)"/>.</summary>
public static class Deployers
{
    /// <summary>Into <c>&lt;folder&gt;/&lt;version&gt;/</c> (the default, under <c>artifacts/environments/&lt;name&gt;</c>).</summary>
    public static IDeployer Folder(AbsolutePath folder) => new FolderDeployer(folder);

    /// <summary>
    /// Pushes the candidate's packages to a folder feed or a server (<paramref name="apiKey"/>, for example from
    /// <see cref="Build.Secret"/>, is masked everywhere).
    /// </summary>
    public static IDeployer NuGetFeed(string source, string? apiKey = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        Running.RunContext.Current?.RegisterSecret(apiKey);
        return new NuGetFeedDeployer(source, apiKey);
    }

    /// <summary>The script's own deployment, given the verified candidate.</summary>
    public static IDeployer Custom(string description, Func<Deployment, CancellationToken, Task> deploy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(deploy);
        return new ScriptDeployer(description, deploy);
    }

    /// <summary>
    /// Runs <paramref name="program"/> with <paramref name="arguments"/>, then the manifest's path and every file's
    /// path; <c>PIPELINE_DEPLOY_ENVIRONMENT</c>, <c>_VERSION</c>, <c>_DIGEST</c> and <c>_MANIFEST</c> are set for it.
    /// A non-zero exit code fails the deployment.
    /// </summary>
    public static IDeployer Command(string program, params string[] arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(program);
        return new ScriptDeployer(
            $"command {program}",
            (deployment, token) => Cmd.RunAsync(
                program,
                [.. arguments, deployment.ManifestPath, .. deployment.Files.Select(f => f.FullPath)],
                new CommandOptions
                {
                    Environment = new Dictionary<string, string?>
                    {
                        ["PIPELINE_DEPLOY_ENVIRONMENT"] = deployment.Environment,
                        ["PIPELINE_DEPLOY_VERSION"] = deployment.Version,
                        ["PIPELINE_DEPLOY_DIGEST"] = deployment.Digest,
                        ["PIPELINE_DEPLOY_MANIFEST"] = deployment.ManifestPath,
                    },
                },
                token));
    }
}
