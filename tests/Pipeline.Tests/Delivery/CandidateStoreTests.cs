using Pipeline.Delivery;
using Pipeline.Hosts;

namespace Pipeline.Tests.Delivery;

public sealed class CandidateStoreTests : IDisposable
{
    private static readonly BuildIdentity Identity = new() { Host = "local", Commit = "0123abcd" };
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 16, 40, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();
    private readonly AbsolutePath _packages;
    private readonly CandidateStore _store;

    public CandidateStoreTests()
    {
        _packages = AbsolutePath.From(_temp.Combine("packages"));
        Directory.CreateDirectory(_packages / "symbols");
        File.WriteAllText(_packages / "App.1.2.0.nupkg", "package bytes");
        File.WriteAllText(_packages / "symbols" / "App.1.2.0.snupkg", "symbol bytes");
        _store = new CandidateStore(AbsolutePath.From(_temp.Combine("candidates")));
    }

    public void Dispose() => _temp.Dispose();

    private ReleaseManifest WriteManifest()
    {
        var manifest = ReleaseManifest.Create(_packages, "1.2.0", Identity, dirty: false, Now);
        manifest.WriteTo(_packages);
        return manifest;
    }

    [Fact]
    public void Store_verifies_and_copies_the_files_and_manifest_under_the_digest()
    {
        var manifest = WriteManifest();

        var stored = _store.Store(_packages, "qa");

        Assert.Equal(manifest.Digest, stored.Digest);
        Assert.Equal(("qa", "1.2.0"), (stored.Environment, stored.Version));
        // Kept under the first 16 hex digits of the digest.
        Assert.Equal(_store.Root / manifest.Digest["sha256:".Length..][..16], stored.Directory);
        Assert.Equal("package bytes", File.ReadAllText(stored.Directory / "App.1.2.0.nupkg"));
        Assert.Equal("symbol bytes", File.ReadAllText(stored.Directory / "symbols" / "App.1.2.0.snupkg"));
        Assert.Equal(manifest.Digest, ReleaseManifest.Read(stored.ManifestPath)!.Digest);
        Assert.Empty(CandidateStore.Problems(stored));
    }

    [Fact]
    public void Stored_candidates_are_found_again_by_digest_and_later_packages_cannot_change_them()
    {
        var manifest = WriteManifest();
        _store.Store(_packages, "qa");

        // A later Package overwrites the packages folder; the stored bytes stay.
        File.WriteAllText(_packages / "App.1.2.0.nupkg", "rebuilt bytes");
        var opened = _store.Open(manifest.Digest, "production");

        Assert.NotNull(opened);
        Assert.Equal("production", opened.Environment);
        Assert.Equal("package bytes", File.ReadAllText(opened.Directory / "App.1.2.0.nupkg"));
        Assert.Empty(CandidateStore.Problems(opened));
        Assert.Null(_store.Open("sha256:" + new string('f', 64), "production"));
    }

    [Fact]
    public void A_file_changed_after_the_manifest_was_written_is_refused_by_name()
    {
        var manifest = WriteManifest();
        File.WriteAllText(_packages / "App.1.2.0.nupkg", "tampered bytes");

        var error = Assert.Throws<ReleaseRefusedException>(() => _store.Store(_packages, "qa"));

        Assert.Contains("changed: App.1.2.0.nupkg", error.Message, StringComparison.Ordinal);
        Assert.Contains(manifest.Digest, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_store.PathOf(manifest.Digest)));
    }

    [Fact]
    public void A_folder_without_a_manifest_is_refused()
    {
        var error = Assert.Throws<ReleaseRefusedException>(() => _store.Store(_packages, "qa"));

        Assert.Contains("there is no readable release manifest in", error.Message, StringComparison.Ordinal);
        Assert.Contains("WriteReleaseManifest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_names_changed_missing_and_extra_files_of_a_stored_candidate()
    {
        WriteManifest();
        var stored = _store.Store(_packages, "qa");
        File.WriteAllText(stored.Directory / "App.1.2.0.nupkg", "tampered bytes");
        File.Delete(stored.Directory / "symbols" / "App.1.2.0.snupkg");
        File.WriteAllText(stored.Directory / "backdoor.dll", "x");

        var problems = CandidateStore.Problems(stored);

        Assert.Equal(3, problems.Count);
        Assert.StartsWith("changed: App.1.2.0.nupkg (sha256 ", problems[0], StringComparison.Ordinal);
        Assert.Equal("missing: symbols/App.1.2.0.snupkg", problems[1]);
        Assert.Equal("extra: backdoor.dll (not in the manifest)", problems[2]);
    }

    [Fact]
    public void Problems_names_a_changed_manifest_by_its_digest()
    {
        var manifest = WriteManifest();
        var stored = _store.Store(_packages, "qa");

        // Someone edits the stored manifest to match tampered files: the digest no longer names it.
        (manifest with { Version = "1.2.1" }).WriteTo(stored.Directory);
        var reopened = _store.Open(manifest.Digest, "qa")!;

        var problems = CandidateStore.Problems(reopened);

        Assert.Equal([$"changed: release-manifest.json (its digest is {reopened.Manifest.Digest}, not {manifest.Digest})"], problems);
        Assert.NotEqual(manifest.Digest, reopened.Manifest.Digest);
    }

    [Fact]
    public void Storing_again_repairs_a_damaged_stored_copy()
    {
        WriteManifest();
        var stored = _store.Store(_packages, "qa");
        File.WriteAllText(stored.Directory / "App.1.2.0.nupkg", "tampered bytes");

        var again = _store.Store(_packages, "qa");

        Assert.Equal(stored.Directory, again.Directory);
        Assert.Empty(CandidateStore.Problems(again));
        Assert.Equal("package bytes", File.ReadAllText(again.Directory / "App.1.2.0.nupkg"));
    }

    [Fact]
    public void Storing_an_intact_candidate_again_leaves_the_store_as_it_was()
    {
        WriteManifest();
        var stored = _store.Store(_packages, "qa");
        var marker = stored.Directory / "App.1.2.0.nupkg";
        var written = File.GetLastWriteTimeUtc(marker);
        File.SetLastWriteTimeUtc(marker, written.AddDays(-1));

        _store.Store(_packages, "qa");

        // Not copied again: the stored file keeps the time set above, and no staging folder is left.
        Assert.Equal(written.AddDays(-1), File.GetLastWriteTimeUtc(marker));
        Assert.Equal([stored.Directory.FullPath], Directory.GetDirectories(_store.Root));
    }
}
