using Pipeline.Delivery.Identities;
using Pipeline.Delivery.Records;

namespace Pipeline.Tests.Delivery.Identities;

/// <summary>Approval statements signed and verified by the real ssh-keygen, with keys made for each test.</summary>
public sealed class ApprovalSignatureTests : IDisposable
{
    private readonly TempDirectory _keys = new();
    private readonly string _allowedSigners;
    private readonly string _alice;
    private readonly string _mallory;

    public ApprovalSignatureTests()
    {
        _alice = NewKey("alice");
        _mallory = NewKey("mallory");
        _allowedSigners = _keys.Combine("allowed-signers");
        File.WriteAllText(_allowedSigners, $"alice@example.com {PublicKey(_alice)}\n");
    }

    public void Dispose() => _keys.Dispose();

    private static LedgerRecord Approval(string who = "alice@example.com", string digest = "sha256:aaaa") => new()
    {
        Kind = LedgerRecordKind.Approval,
        Environment = "production",
        Time = new DateTimeOffset(2026, 11, 23, 16, 40, 0, 123, TimeSpan.Zero),
        Who = who,
        WhoSource = "principal of the SSH key",
        Version = "1.2.0",
        Digest = digest,
        Host = "local",
        Outcome = LedgerOutcome.Recorded,
        Comment = "looks good",
    };

    [Fact]
    public async Task A_signed_approval_verifies_for_its_principal_and_its_key_finds_that_principal()
    {
        var approval = Approval();
        var signature = await SshKeygen.SignAsync(_alice, ApprovalStatement.Of(approval, "production"), CancellationToken.None);

        var check = await SshKeygen.VerifyAsync(_allowedSigners, "alice@example.com", signature, ApprovalStatement.Of(approval, "production"), CancellationToken.None);

        Assert.True(check.Verified, check.Detail);
        Assert.StartsWith("-----BEGIN SSH SIGNATURE-----", signature, StringComparison.Ordinal);
        Assert.Equal(["alice@example.com"], await SshKeygen.FindPrincipalsAsync(_allowedSigners, signature, CancellationToken.None));
    }

    [Fact]
    public async Task An_approval_copied_to_another_digest_environment_or_approver_no_longer_verifies()
    {
        var approval = Approval();
        var signature = await SshKeygen.SignAsync(_alice, ApprovalStatement.Of(approval, "production"), CancellationToken.None);

        foreach (var (copy, environment) in new[]
        {
            (approval with { Digest = "sha256:bbbb" }, "production"),
            (approval, "staging"),
            (approval with { Comment = "edited" }, "production"),
            (approval with { Time = approval.Time.AddTicks(1) }, "production"),
        })
        {
            var check = await SshKeygen.VerifyAsync(_allowedSigners, copy.Who, signature, ApprovalStatement.Of(copy, environment), CancellationToken.None);

            Assert.False(check.Verified, $"{copy} in {environment} verified");
            Assert.StartsWith("its signature does not verify as alice@example.com's (ssh-keygen -Y verify exit code 255: ", check.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_forged_approval_signed_by_a_key_not_in_the_allowed_signers_does_not_verify()
    {
        var forged = Approval();
        var signature = await SshKeygen.SignAsync(_mallory, ApprovalStatement.Of(forged, "production"), CancellationToken.None);

        var check = await SshKeygen.VerifyAsync(_allowedSigners, "alice@example.com", signature, ApprovalStatement.Of(forged, "production"), CancellationToken.None);

        Assert.False(check.Verified);
        Assert.Empty(await SshKeygen.FindPrincipalsAsync(_allowedSigners, signature, CancellationToken.None));
    }

    private string NewKey(string name)
    {
        var path = _keys.Combine(name);
        var result = Cmd.RunAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", string.Empty, "-C", name, "-f", path], new CommandOptions { Quiet = true }).GetAwaiter().GetResult();
        Assert.Equal(0, result.ExitCode);
        return path;
    }

    private static string PublicKey(string key) => string.Join(' ', File.ReadAllText(key + ".pub").Split(' ').Take(2));
}
