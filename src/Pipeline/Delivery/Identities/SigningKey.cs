namespace Pipeline.Delivery.Identities;

/// <summary>
/// The SSH key that signs an approval, found as git finds its SSH signing key: <c>--signing-key PATH</c>, else
/// <c>PIPELINE_SIGNING_KEY</c>, else <c>git config user.signingkey</c> (a path, or <c>key::</c> and a public key
/// whose private half an ssh-agent holds). A path may be a private key or a public key held by an agent.
/// </summary>
internal sealed record SigningKey(string Path, string Source)
{
    public static async Task<SigningKey> FindAsync(DeliveryRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var root = run.Build.Root;
        var found = run.Request.SigningKey is { } option ? new SigningKey(Resolve(option, root), "--signing-key")
            : run.Environment["PIPELINE_SIGNING_KEY"] is { Length: > 0 } variable ? new SigningKey(Resolve(variable, root), "PIPELINE_SIGNING_KEY")
            : await GitOutput.ReadAsync(root, cancellationToken, "config", "user.signingkey").ConfigureAwait(false) is { } configured
                ? new SigningKey(configured.StartsWith("key::", StringComparison.Ordinal) ? LiteralKeyFile(configured["key::".Length..]) : Resolve(configured, root), "git config user.signingkey")
            : throw new ReleaseRefusedException(
                "This policy requires signed approvals: name your SSH key with --signing-key PATH, PIPELINE_SIGNING_KEY or git config user.signingkey (as for git's SSH commit signing).");
        return File.Exists(found.Path)
            ? found
            : throw new ReleaseRefusedException($"The signing key {found.Path} (from {found.Source}) does not exist.");
    }

    private static string Resolve(string path, AbsolutePath root)
    {
        var expanded = path.StartsWith("~/", StringComparison.Ordinal)
            ? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..])
            : path;
        return System.IO.Path.GetFullPath(expanded, root);
    }

    /// <summary>A public key given as text: ssh-keygen reads it from a file (the agent signs with its private half).</summary>
    private static string LiteralKeyFile(string publicKey)
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pipeline-signing-key-{Guid.NewGuid():N}.pub");
        File.WriteAllText(file, publicKey.Trim() + "\n");
        return file;
    }
}
