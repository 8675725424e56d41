using System.Diagnostics;

namespace Pipeline.EndToEnd.Tests.Delivery;

/// <summary>Real SSH key pairs made with ssh-keygen in a temporary folder outside the repository, as a person keeps theirs.</summary>
internal sealed class SshKeys : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-keys-").FullName;

    /// <summary>A new ed25519 key without passphrase; returns the private key's path (the public key is beside it, <c>.pub</c>).</summary>
    public async Task<string> NewAsync(string name)
    {
        var path = Path.Combine(_folder, name);
        var start = new ProcessStartInfo("ssh-keygen") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-q", "-t", "ed25519", "-N", string.Empty, "-C", name, "-f", path })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"ssh-keygen failed: {error}");
        return path;
    }

    /// <summary>An allowed-signers line: the principal, then the key type and key of <paramref name="key"/>.</summary>
    public static string AllowedSigner(string principal, string key) =>
        $"{principal} {string.Join(' ', File.ReadAllText(key + ".pub").Split(' ').Take(2))}";

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
