using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.CiGeneration;

/// <summary>
/// <c>--verify-artifact</c>, the step a generated job runs after downloading a candidate: the folder must be the
/// candidate the packing job exported the digest of, every file as its manifest says.
/// </summary>
public sealed class VerifyArtifactTests
{
    private const string Script = """
        Target("Package").Executes(() =>
        {
            var output = Root / "artifacts" / "packages";
            Directory.CreateDirectory(output);
            File.WriteAllText(output / "app.nupkg", "the package's bytes");
            WriteReleaseManifest(output);
        });
        """;

    [Fact]
    public async Task A_downloaded_candidate_with_the_exported_digest_and_intact_files_is_verified()
    {
        using var repo = new TempRepo(Script);
        var digest = await PackAsync(repo);

        var result = await repo.RunAsync("--verify-artifact", "artifacts/packages", "--expect-digest", digest);

        result.ShouldExitWith(0);
        result.OutputShouldContain($"Verified artifacts/packages: candidate ");
        result.OutputShouldContain(digest);
    }

    [Fact]
    public async Task A_file_changed_after_packing_fails_the_verification_naming_the_file()
    {
        using var repo = new TempRepo(Script);
        var digest = await PackAsync(repo);
        File.AppendAllText(repo.Path("artifacts/packages/app.nupkg"), "!");

        var result = await repo.RunAsync("--verify-artifact", "artifacts/packages", "--expect-digest", digest);

        result.ShouldExitWith(3);
        result.ErrorShouldContain("does not match its release manifest");
        result.ErrorShouldContain("app.nupkg");
        result.ShouldShowNoStackTrace();
    }

    [Fact]
    public async Task Another_candidate_than_the_one_the_packing_job_exported_fails_the_verification()
    {
        using var repo = new TempRepo(Script);
        var digest = await PackAsync(repo);
        var other = "sha256:" + new string('0', 64);

        var result = await repo.RunAsync("--verify-artifact", "artifacts/packages", "--expect-digest", other);

        result.ShouldExitWith(3);
        result.ErrorShouldContain($"is candidate {digest}, not {other}");
    }

    [Fact]
    public async Task A_missing_download_fails_the_verification()
    {
        using var repo = new TempRepo(Script);

        var result = await repo.RunAsync("--verify-artifact", "artifacts/packages", "--expect-digest", "sha256:" + new string('a', 64));

        result.ShouldExitWith(3);
        result.ErrorShouldContain("holds no readable release-manifest.json");
    }

    [Theory]
    [InlineData("")]
    [InlineData("sha256:abc")]
    public async Task An_empty_or_malformed_expected_digest_is_a_usage_error_never_a_pass(string digest)
    {
        using var repo = new TempRepo(Script);
        await PackAsync(repo);

        var result = await repo.RunAsync("--verify-artifact", "artifacts/packages", "--expect-digest", digest);

        result.ShouldExitWith(2);
        result.ShouldShowNoStackTrace();
        Assert.DoesNotContain("Verified", result.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>Packs and returns the digest the run exported as <c>candidate_digest</c>, as a CI job would read it.</summary>
    private static async Task<string> PackAsync(TempRepo repo)
    {
        var packed = await repo.RunAsync("Package");
        packed.ShouldExitWith(0);
        var line = File.ReadAllLines(repo.Path("artifacts/outputs.env")).Single(l => l.StartsWith("candidate_digest=", StringComparison.Ordinal));
        return line["candidate_digest=".Length..].Trim('"');
    }
}
