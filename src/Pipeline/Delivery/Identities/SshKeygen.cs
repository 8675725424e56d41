namespace Pipeline.Delivery.Identities;

/// <summary>
/// OpenSSH's signing of data, as git signs commits with SSH keys: <c>ssh-keygen -Y sign</c>, <c>-Y find-principals</c>
/// and <c>-Y verify</c> against an allowed-signers file, all in the namespace <see cref="Namespace"/> (so a signature
/// made for anything else, a commit or a file, never passes for an approval).
/// </summary>
internal static class SshKeygen
{
    public const string Namespace = "pipeline-approval";

    /// <summary>The armored signature of <paramref name="message"/> with the key (a private key, or a public key whose private half an agent holds).</summary>
    public static async Task<string> SignAsync(string key, string message, CancellationToken cancellationToken)
    {
        var result = await RunAsync(["-Y", "sign", "-f", key, "-n", Namespace], message, cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0 && result.StandardOutput.Contains("-----BEGIN SSH SIGNATURE-----", StringComparison.Ordinal)
            ? Armored(result.StandardOutput)
            : throw new ReleaseRefusedException($"ssh-keygen could not sign the approval with the key {key}: {Said(result)}");
    }

    /// <summary>The principals the allowed-signers file gives the key that made <paramref name="signature"/>; empty when it lists none.</summary>
    public static async Task<IReadOnlyList<string>> FindPrincipalsAsync(string allowedSigners, string signature, CancellationToken cancellationToken)
    {
        using var file = new SignatureFile(signature);
        var result = await RunAsync(["-Y", "find-principals", "-s", file.Path, "-f", allowedSigners], null, cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0
            ? [.. result.StandardOutput.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]
            : [];
    }

    /// <summary>Whether <paramref name="signature"/> is <paramref name="principal"/>'s signature of exactly <paramref name="message"/>; else what ssh-keygen said.</summary>
    public static async Task<SignatureCheck> VerifyAsync(string allowedSigners, string principal, string signature, string message, CancellationToken cancellationToken)
    {
        using var file = new SignatureFile(signature);
        var result = await RunAsync(["-Y", "verify", "-f", allowedSigners, "-I", principal, "-n", Namespace, "-s", file.Path], message, cancellationToken)
            .ConfigureAwait(false);
        return result.ExitCode == 0
            ? new SignatureCheck(true, $"signature of {principal} verified")
            : new SignatureCheck(false, $"its signature does not verify as {principal}'s (ssh-keygen -Y verify exit code {result.ExitCode}: {Said(result)})");
    }

    private static async Task<CommandResult> RunAsync(IReadOnlyList<string> arguments, string? input, CancellationToken cancellationToken)
    {
        try
        {
            return await Cmd.RunAsync("ssh-keygen", arguments, new CommandOptions { Quiet = true, AllowNonZeroExitCode = true, StandardInput = input }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (CommandFailedException exception)
        {
            throw new ReleaseRefusedException($"Signed approvals need OpenSSH's ssh-keygen (8.2 or later) on PATH: {exception.Message}", exception);
        }
    }

    private static string Armored(string output) => output.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() + "\n";

    /// <summary>ssh-keygen's own words, without its "Signing data on standard input" chatter.</summary>
    private static string Said(CommandResult result)
    {
        var lines = (result.StandardError + "\n" + result.StandardOutput).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith("Signing data on", StringComparison.Ordinal));
        return string.Join(" ", lines) is { Length: > 0 } said ? said : "no message";
    }

    /// <summary>ssh-keygen reads a signature only from a file: a temporary one, deleted after.</summary>
    private sealed class SignatureFile : IDisposable
    {
        public SignatureFile(string signature)
        {
            Path = System.IO.Path.GetTempFileName();
            File.WriteAllText(Path, signature);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}

/// <summary>An approval's signature verified, or why it does not count.</summary>
internal sealed record SignatureCheck(bool Verified, string Detail);
