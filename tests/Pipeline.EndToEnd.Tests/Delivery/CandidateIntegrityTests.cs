namespace Pipeline.EndToEnd.Tests.Delivery;

/// <summary>
/// What reaches an environment is the bytes the manifest describes: a stored candidate changed after QA, or the
/// packages folder changed between Package and PublishQa, is refused (exit code 3) naming the file.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class CandidateIntegrityTests
{
    [Theory]
    [InlineData("changed")]
    [InlineData("missing")]
    [InlineData("extra")]
    public async Task Stored_candidate_tampered_with_after_qa_is_refused_by_intact_naming_the_file(string tampering)
    {
        using var repo = await DeliveryRepo.CreateAsync();
        (await repo.RunAsync("PublishQa")).ShouldExitWith(0);
        var stored = Assert.Single(
            Directory.GetDirectories(repo.Repository.Path("artifacts/candidates")),
            d => !Path.GetFileName(d).StartsWith('.'));
        var package = Assert.Single(Directory.GetFiles(stored, "App.*.nupkg"));
        var name = Path.GetFileName(package);
        string expected;
        switch (tampering)
        {
            case "changed":
                FlipOneByte(package);
                expected = $"changed: {name} (sha256 ";
                break;
            case "missing":
                File.Delete(package);
                expected = $"missing: {name}";
                break;
            default:
                File.WriteAllText(Path.Combine(stored, "evil.dll"), "not from the build");
                expected = "extra: evil.dll (not in the manifest)";
                break;
        }

        // Approving now: so that integrity is the only rule that can refuse.
        var result = await repo.RunAsync(DeliveryRepo.As(DeliveryRepo.Approver), "Release", "--approve");

        ReleaseTestKit.ShouldBeRefusedBy(result, repo, "intact");
        Assert.StartsWith(expected, ReleaseTestKit.Rule(result, "intact").Detail, StringComparison.Ordinal);
        var version = name["App.".Length..^".nupkg".Length];
        Assert.False(repo.Repository.Exists($"artifacts/environments/production/{version}"), "The tampered candidate reached production.");
    }

    [Fact]
    public async Task Packages_changed_between_Package_and_PublishQa_are_refused_naming_the_file()
    {
        using var repo = await DeliveryRepo.CreateAsync();
        (await repo.RunAsync("Package")).ShouldExitWith(0);
        var package = Assert.Single(Directory.GetFiles(repo.Repository.Path("artifacts/packages"), "App.*.nupkg"));
        FlipOneByte(package);

        // --skip skips only Package's body: PublishQa verifies what is in the folder now.
        var result = await repo.RunAsync("PublishQa", "--skip", "Package");

        result.ShouldExitWith(3);
        result.ShouldShowNoStackTrace();
        Assert.Equal("failed", result.OutcomeOf("PublishQa"));
        result.OutputShouldContain($"changed: {Path.GetFileName(package)} (sha256 ");
        Assert.Empty(repo.LedgerLines("qa"));
        Assert.False(
            repo.Repository.Exists("artifacts/candidates") && Directory.EnumerateFileSystemEntries(repo.Repository.Path("artifacts/candidates")).Any(),
            "The changed packages were stored as a candidate.");

        // Every refusal names the rule that refused, as the gate's refusals do.
        result.OutputShouldContain("intact");
    }

    /// <summary>Changes one byte in the middle and keeps the size, so only the SHA-256 can tell.</summary>
    private static void FlipOneByte(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
    }
}
