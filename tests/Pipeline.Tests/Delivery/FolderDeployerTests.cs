using Pipeline.Delivery;
using Pipeline.Delivery.Deployers;
using Pipeline.Hosts;

namespace Pipeline.Tests.Delivery;

public sealed class FolderDeployerTests : IDisposable
{
    private static readonly BuildIdentity Identity = new() { Host = "local", Commit = "0123abcd" };
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 16, 40, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();
    private readonly FolderDeployer _deployer;

    public FolderDeployerTests() => _deployer = new FolderDeployer(AbsolutePath.From(_temp.Combine("environment")));

    public void Dispose() => _temp.Dispose();

    /// <summary>A verified candidate with one package holding <paramref name="bytes"/>.</summary>
    private Deployment Candidate(string version, string bytes)
    {
        var folder = _temp.Combine("candidate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "lib"));
        File.WriteAllText(Path.Combine(folder, $"App.{version}.nupkg"), bytes);
        File.WriteAllText(Path.Combine(folder, "lib", "notes.txt"), "notes");
        var manifest = ReleaseManifest.Create(folder, version, Identity, dirty: false, Now);
        manifest.WriteTo(folder);
        return new Deployment("production", manifest, manifest.Digest, AbsolutePath.From(folder));
    }

    private Task<DeployOutcome> DeployAsync(Deployment candidate, EnvironmentKind kind) =>
        _deployer.DeployAsync(candidate, kind, CancellationToken.None).WaitAsync(Runs.HangGuard);

    [Fact]
    public async Task A_candidate_is_deployed_into_a_folder_named_by_its_version()
    {
        var candidate = Candidate("1.2.0", "package bytes");

        var outcome = await DeployAsync(candidate, EnvironmentKind.Production);

        var final = _deployer.Folder / "1.2.0";
        Assert.Equal(DeployOutcome.Published, outcome);
        Assert.Equal(final.FullPath, _deployer.Location(candidate));
        Assert.Equal("package bytes", File.ReadAllText(final / "App.1.2.0.nupkg"));
        Assert.Equal("notes", File.ReadAllText(final / "lib" / "notes.txt"));
        Assert.Equal(candidate.Digest, ReleaseManifest.Read(final / ReleaseManifest.FileName)!.Digest);
        Assert.Empty(candidate.Manifest.Verify(final));
        Assert.Equal([final.FullPath], Directory.GetDirectories(_deployer.Folder));
    }

    [Fact]
    public async Task Deploying_the_same_digest_again_is_already_present()
    {
        var candidate = Candidate("1.2.0", "package bytes");
        await DeployAsync(candidate, EnvironmentKind.Production);

        var again = await DeployAsync(candidate, EnvironmentKind.Production);

        Assert.Equal(DeployOutcome.AlreadyPresent, again);
    }

    [Fact]
    public async Task Production_refuses_other_bytes_under_a_deployed_version_and_keeps_the_old_ones()
    {
        var first = Candidate("1.2.0", "package bytes");
        await DeployAsync(first, EnvironmentKind.Production);
        var rebuilt = Candidate("1.2.0", "rebuilt bytes");

        var error = await Assert.ThrowsAsync<ReleaseRefusedException>(() => DeployAsync(rebuilt, EnvironmentKind.Production));

        Assert.Contains("already holds version 1.2.0 with other bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains(first.Digest, error.Message, StringComparison.Ordinal);
        Assert.Equal("package bytes", File.ReadAllText(_deployer.Folder / "1.2.0" / "App.1.2.0.nupkg"));
    }

    [Fact]
    public async Task Qa_replaces_a_version_rebuilt_with_other_bytes()
    {
        await DeployAsync(Candidate("1.2.0", "package bytes"), EnvironmentKind.Qa);
        var rebuilt = Candidate("1.2.0", "rebuilt bytes");

        var outcome = await DeployAsync(rebuilt, EnvironmentKind.Qa);

        var final = _deployer.Folder / "1.2.0";
        Assert.Equal(DeployOutcome.Published, outcome);
        Assert.Equal("rebuilt bytes", File.ReadAllText(final / "App.1.2.0.nupkg"));
        Assert.Equal(rebuilt.Digest, ReleaseManifest.Read(final / ReleaseManifest.FileName)!.Digest);
        Assert.Equal([final.FullPath], Directory.GetDirectories(_deployer.Folder));
    }

    [Fact]
    public async Task A_damaged_deployed_copy_of_the_same_digest_is_deployed_again()
    {
        var candidate = Candidate("1.2.0", "package bytes");
        await DeployAsync(candidate, EnvironmentKind.Qa);
        File.WriteAllText(_deployer.Folder / "1.2.0" / "App.1.2.0.nupkg", "damaged");

        var outcome = await DeployAsync(candidate, EnvironmentKind.Qa);

        Assert.Equal(DeployOutcome.Published, outcome);
        Assert.Equal("package bytes", File.ReadAllText(_deployer.Folder / "1.2.0" / "App.1.2.0.nupkg"));
    }

    [Fact]
    public async Task Leftovers_of_an_interrupted_deployment_are_removed_but_versions_stay()
    {
        await DeployAsync(Candidate("1.1.0", "older bytes"), EnvironmentKind.Production);
        var partial = _deployer.Folder / ".1.2.0.x.partial";
        var old = _deployer.Folder / ".1.1.0.y.old";
        Directory.CreateDirectory(partial);
        File.WriteAllText(partial / "App.1.2.0.nupkg", "half");
        Directory.CreateDirectory(old);

        await DeployAsync(Candidate("1.2.0", "package bytes"), EnvironmentKind.Production);

        Assert.False(Directory.Exists(partial));
        Assert.False(Directory.Exists(old));
        Assert.Equal(
            [(_deployer.Folder / "1.1.0").FullPath, (_deployer.Folder / "1.2.0").FullPath],
            Directory.GetDirectories(_deployer.Folder).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_candidate_whose_source_files_changed_is_refused_and_nothing_is_left_behind()
    {
        var candidate = Candidate("1.2.0", "package bytes");
        File.WriteAllText(candidate.Directory / "App.1.2.0.nupkg", "tampered after verification");

        var error = await Assert.ThrowsAsync<ReleaseRefusedException>(() => DeployAsync(candidate, EnvironmentKind.Production));

        Assert.Contains("changed: App.1.2.0.nupkg", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(_deployer.Folder));
    }
}
