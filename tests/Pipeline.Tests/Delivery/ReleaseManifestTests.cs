using Pipeline.Delivery;
using Pipeline.Hosts;

namespace Pipeline.Tests.Delivery;

public sealed class ReleaseManifestTests : IDisposable
{
    private static readonly BuildIdentity Identity = new() { Host = "github-actions", Commit = "0123abcd", BuildUrl = "https://github.com/o/r/actions/runs/7" };
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 16, 40, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-manifest-").FullName;

    public ReleaseManifestTests()
    {
        File.WriteAllText(Path.Combine(_folder, "App.1.0.0.nupkg"), "package bytes");
        Directory.CreateDirectory(Path.Combine(_folder, "docs"));
        File.WriteAllText(Path.Combine(_folder, "docs", "notes.txt"), "notes");
        File.WriteAllText(Path.Combine(_folder, "SHA256SUMS"), "ignored");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_manifest_lists_every_file_with_digest_and_size_and_the_build_it_came_from()
    {
        var manifest = ReleaseManifest.Create(_folder, "1.0.0", Identity, dirty: true, Now);

        Assert.Equal(["App.1.0.0.nupkg", "docs/notes.txt"], manifest.Files.Select(f => f.Path));
        Assert.Equal(Checksums.Sha256(Path.Combine(_folder, "App.1.0.0.nupkg")), manifest.Files[0].Sha256);
        Assert.Equal("package bytes".Length, manifest.Files[0].Size);
        Assert.Equal(("1.0.0", "0123abcd", true, "github-actions", "https://github.com/o/r/actions/runs/7"), (manifest.Version, manifest.Commit, manifest.Dirty, manifest.Host, manifest.RunUrl));
    }

    [Fact]
    public void The_untouched_folder_verifies()
    {
        var manifest = ReleaseManifest.Create(_folder, "1.0.0", Identity, dirty: false, Now);
        manifest.WriteTo(_folder);

        Assert.Empty(manifest.Verify(_folder));
    }

    [Fact]
    public void A_changed_missing_or_extra_file_is_named()
    {
        var manifest = ReleaseManifest.Create(_folder, "1.0.0", Identity, dirty: false, Now);
        File.WriteAllText(Path.Combine(_folder, "App.1.0.0.nupkg"), "tampered bytes");
        File.Delete(Path.Combine(_folder, "docs", "notes.txt"));
        File.WriteAllText(Path.Combine(_folder, "backdoor.dll"), "x");

        var problems = manifest.Verify(_folder);

        Assert.Equal(3, problems.Count);
        Assert.StartsWith("changed: App.1.0.0.nupkg", problems[0], StringComparison.Ordinal);
        Assert.Equal("missing: docs/notes.txt", problems[1]);
        Assert.Equal("extra: backdoor.dll (not in the manifest)", problems[2]);
    }

    [Fact]
    public void The_digest_survives_writing_and_reading_and_changes_with_any_byte()
    {
        var manifest = ReleaseManifest.Create(_folder, "1.0.0", Identity, dirty: false, Now);
        var read = ReleaseManifest.Read(manifest.WriteTo(_folder))!;

        Assert.Equal(manifest.Digest, read.Digest);
        Assert.StartsWith("sha256:", manifest.Digest, StringComparison.Ordinal);

        File.AppendAllText(Path.Combine(_folder, "docs", "notes.txt"), "!");
        Assert.NotEqual(manifest.Digest, ReleaseManifest.Create(_folder, "1.0.0", Identity, dirty: false, Now).Digest);
    }

    [Fact]
    public void A_missing_or_garbled_manifest_reads_as_null()
    {
        Assert.Null(ReleaseManifest.Read(Path.Combine(_folder, "nope.json")));
        var garbled = Path.Combine(_folder, ReleaseManifest.FileName);
        File.WriteAllText(garbled, "{ not json");
        Assert.Null(ReleaseManifest.Read(garbled));
    }
}
