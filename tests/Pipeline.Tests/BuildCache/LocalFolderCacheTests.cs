using Pipeline.BuildCache;

namespace Pipeline.Tests.BuildCache;

public sealed class LocalFolderCacheTests
{
    private readonly List<string> _warnings = [];

    [Fact]
    public async Task A_stored_result_is_restored_into_an_empty_checkout_byte_for_byte_with_its_executable_bit()
    {
        using var temp = new TempDirectory();
        var built = temp.Combine("built");
        Outputs.Write(built, "bin/App.dll", "assembly");
        Outputs.Write(built, "bin/run.sh", "#!/bin/sh\necho hi\n", executable: true);
        Outputs.Write(built, "obj/copy/App.dll", "assembly");
        var entry = Outputs.Entry(built, Outputs.NewFingerprint(), "bin/App.dll", "bin/run.sh", "obj/copy/App.dll");
        var cache = Cache(temp.Combine("cache"));
        await cache.StoreAsync(entry, built, CancellationToken.None);

        var fresh = temp.Combine("fresh");
        Directory.CreateDirectory(fresh);
        var restored = await cache.TryRestoreAsync(entry.Fingerprint, fresh, CancellationToken.None);

        Assert.NotNull(restored);
        Assert.Equal(entry.Files, restored.Files);
        Assert.Equal(entry.OutputLines, restored.OutputLines);
        Assert.Equal(entry.ClosingLines, restored.ClosingLines);
        Assert.Equal(entry.Outputs, restored.Outputs);
        Assert.Equal(entry.Duration, restored.Duration);
        Assert.Equal(Outputs.Read(built), Outputs.Read(fresh));
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(Outputs.IsExecutable(Path.Combine(fresh, "bin/run.sh")));
            Assert.False(Outputs.IsExecutable(Path.Combine(fresh, "bin/App.dll")));
        }

        Assert.Empty(_warnings);
    }

    [Fact]
    public async Task Content_named_by_two_entries_is_stored_once()
    {
        using var temp = new TempDirectory();
        Outputs.Write(temp.Path, "a/App.dll", "same");
        Outputs.Write(temp.Path, "b/App.dll", "same");
        var cache = Cache(temp.Combine("cache"));

        await cache.StoreAsync(Outputs.Entry(temp.Path, Outputs.NewFingerprint(), "a/App.dll"), temp.Path, CancellationToken.None);
        await cache.StoreAsync(Outputs.Entry(temp.Path, Outputs.NewFingerprint(), "b/App.dll"), temp.Path, CancellationToken.None);

        Assert.Single(Directory.GetFiles(temp.Combine("cache", "cas")));
        Assert.Equal(2, Directory.GetFiles(temp.Combine("cache", "ac")).Length);
    }

    [Fact]
    public async Task An_unknown_fingerprint_is_a_miss_that_writes_nothing()
    {
        using var temp = new TempDirectory();
        var cache = Cache(temp.Combine("cache"));

        var restored = await cache.TryRestoreAsync(Outputs.NewFingerprint(), temp.Path, CancellationToken.None);

        Assert.Null(restored);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
        Assert.Empty(_warnings);
    }

    [Fact]
    public async Task Restoring_overwrites_the_outputs_that_are_there()
    {
        using var temp = new TempDirectory();
        Outputs.Write(temp.Path, "bin/App.dll", "good");
        var entry = Outputs.Entry(temp.Path, Outputs.NewFingerprint(), "bin/App.dll");
        var cache = Cache(temp.Combine("cache"));
        await cache.StoreAsync(entry, temp.Path, CancellationToken.None);
        File.WriteAllText(temp.Combine("bin", "App.dll"), "edited by hand");

        Assert.NotNull(await cache.TryRestoreAsync(entry.Fingerprint, temp.Path, CancellationToken.None));

        Assert.Equal("good", File.ReadAllText(temp.Combine("bin", "App.dll")));
        Assert.Equal(["App.dll"], Directory.GetFileSystemEntries(temp.Combine("bin")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_corrupt_blob_is_a_miss_with_a_warning_and_nothing_is_written()
    {
        using var temp = new TempDirectory();
        var built = temp.Combine("built");
        Outputs.Write(built, "bin/App.dll", "assembly");
        Outputs.Write(built, "bin/deep/App.pdb", "symbols");
        var entry = Outputs.Entry(built, Outputs.NewFingerprint(), "bin/App.dll", "bin/deep/App.pdb");
        var cache = Cache(temp.Combine("cache"));
        await cache.StoreAsync(entry, built, CancellationToken.None);
        File.WriteAllText(temp.Combine("cache", "cas", entry.Files[1].Sha256), "flipped");
        var fresh = temp.Combine("fresh");
        Directory.CreateDirectory(fresh);

        var restored = await cache.TryRestoreAsync(entry.Fingerprint, fresh, CancellationToken.None);

        Assert.Null(restored);
        Assert.Empty(Directory.GetFileSystemEntries(fresh));
        var warning = Assert.Single(_warnings);
        Assert.StartsWith("warning: build cache ", warning, StringComparison.Ordinal);
        Assert.Contains("bin/deep/App.pdb does not match its digest", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_entry_is_a_miss_with_a_warning()
    {
        using var temp = new TempDirectory();
        var fingerprint = Outputs.NewFingerprint();
        Directory.CreateDirectory(temp.Combine("cache", "ac"));
        File.WriteAllText(temp.Combine("cache", "ac", fingerprint), "{\"target\": \"Compile\", \"fing");

        var restored = await Cache(temp.Combine("cache")).TryRestoreAsync(fingerprint, temp.Combine("cache"), CancellationToken.None);

        Assert.Null(restored);
        Assert.Contains("unreadable", Assert.Single(_warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_naming_a_path_outside_the_checkout_is_refused_and_nothing_is_written_there()
    {
        using var temp = new TempDirectory();
        var checkout = temp.Combine("checkout");
        Outputs.Write(checkout, "bin/App.dll", "assembly");
        var cache = Cache(temp.Combine("cache"));
        var entry = Outputs.Entry(checkout, Outputs.NewFingerprint(), "bin/App.dll");
        await cache.StoreAsync(entry, checkout, CancellationToken.None);
        var entryFile = temp.Combine("cache", "ac", entry.Fingerprint);
        File.WriteAllText(entryFile, File.ReadAllText(entryFile).Replace("\"bin/App.dll\"", "\"../escaped.dll\"", StringComparison.Ordinal));

        var restored = await cache.TryRestoreAsync(entry.Fingerprint, checkout, CancellationToken.None);

        Assert.Null(restored);
        Assert.False(File.Exists(temp.Combine("escaped.dll")));
        Assert.Single(_warnings);
    }

    [Fact]
    public async Task A_read_only_cache_restores_but_stores_nothing()
    {
        using var temp = new TempDirectory();
        Outputs.Write(temp.Path, "bin/App.dll", "assembly");
        var stored = Outputs.Entry(temp.Path, Outputs.NewFingerprint(), "bin/App.dll");
        await Cache(temp.Combine("cache")).StoreAsync(stored, temp.Path, CancellationToken.None);
        var readOnly = new LocalFolderCache(temp.Combine("cache"), BuildCacheSettings.DefaultSizeCap, readOnly: true, _warnings.Add);
        var before = Directory.GetFiles(temp.Combine("cache"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        Outputs.Write(temp.Path, "bin/Other.dll", "other");
        await readOnly.StoreAsync(Outputs.Entry(temp.Path, Outputs.NewFingerprint(), "bin/Other.dll"), temp.Path, CancellationToken.None);
        var restored = await readOnly.TryRestoreAsync(stored.Fingerprint, temp.Path, CancellationToken.None);

        Assert.NotNull(restored);
        Assert.Equal(before, Directory.GetFiles(temp.Combine("cache"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_output_changed_since_it_was_hashed_is_not_stored()
    {
        using var temp = new TempDirectory();
        Outputs.Write(temp.Path, "bin/App.dll", "as hashed");
        var entry = Outputs.Entry(temp.Path, Outputs.NewFingerprint(), "bin/App.dll");
        File.WriteAllText(temp.Combine("bin", "App.dll"), "changed afterwards");
        var cache = Cache(temp.Combine("cache"));

        await cache.StoreAsync(entry, temp.Path, CancellationToken.None);

        Assert.Null(await cache.TryRestoreAsync(entry.Fingerprint, temp.Path, CancellationToken.None));
        Assert.Contains("bin/App.dll changed while", Assert.Single(_warnings), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(temp.Combine("cache", "cas")));
    }

    [Fact]
    public async Task Over_the_size_cap_the_least_recently_used_entries_are_evicted_first()
    {
        using var temp = new TempDirectory();
        var folder = temp.Combine("cache");
        var unbounded = Cache(folder);
        var entries = new List<CacheEntry>();
        for (var i = 0; i < 4; i++)
        {
            Outputs.Write(temp.Path, $"out{i}/blob.bin", new string((char)('a' + i), 10_000));
            var entry = Outputs.Entry(temp.Path, Outputs.NewFingerprint(), $"out{i}/blob.bin");
            await unbounded.StoreAsync(entry, temp.Path, CancellationToken.None);
            entries.Add(entry);
        }

        // Used long ago, oldest first: 0, 1, 2, 3.
        for (var i = 0; i < entries.Count; i++)
        {
            var usedAt = DateTime.UtcNow.AddHours(-10 + i);
            File.SetLastWriteTimeUtc(Path.Combine(folder, "ac", entries[i].Fingerprint), usedAt);
            File.SetLastWriteTimeUtc(Path.Combine(folder, "cas", entries[i].Files[0].Sha256), usedAt);
        }

        // A hit makes the oldest the most recently used.
        Assert.NotNull(await unbounded.TryRestoreAsync(entries[0].Fingerprint, temp.Path, CancellationToken.None));

        // Room for three entries: storing a fifth evicts the two least recently used, 1 and 2.
        var entryBytes = new FileInfo(Path.Combine(folder, "ac", entries[0].Fingerprint)).Length;
        var capped = new LocalFolderCache(folder, (3 * (10_000 + entryBytes)) + 100, readOnly: false, _warnings.Add);
        Outputs.Write(temp.Path, "out4/blob.bin", new string('e', 10_000));
        var newest = Outputs.Entry(temp.Path, Outputs.NewFingerprint(), "out4/blob.bin");
        await capped.StoreAsync(newest, temp.Path, CancellationToken.None);

        var kept = Directory.GetFiles(Path.Combine(folder, "ac")).Select(Path.GetFileName).ToHashSet();
        Assert.Equal(new HashSet<string?> { entries[0].Fingerprint, entries[3].Fingerprint, newest.Fingerprint }, kept);
        Assert.Equal(
            new HashSet<string?> { entries[0].Files[0].Sha256, entries[3].Files[0].Sha256, newest.Files[0].Sha256 },
            Directory.GetFiles(Path.Combine(folder, "cas")).Select(Path.GetFileName).ToHashSet());
        Assert.Empty(_warnings);
    }

    [Fact]
    public async Task Concurrent_stores_into_one_folder_leave_every_entry_whole_and_warn_of_nothing()
    {
        using var temp = new TempDirectory();
        Outputs.Write(temp.Path, "shared/common.dll", new string('c', 200_000));
        for (var i = 0; i < 8; i++)
        {
            Outputs.Write(temp.Path, $"own{i}/App.dll", new string((char)('a' + i), 100_000));
        }

        // Races show only sometimes: many rounds, each into a fresh folder.
        for (var round = 0; round < 20; round++)
        {
            var folder = temp.Combine($"cache{round}");
            var entries = Enumerable.Range(0, 8).Select(i => Outputs.Entry(temp.Path, Outputs.NewFingerprint(), "shared/common.dll", $"own{i}/App.dll")).ToList();

            // Each store through its own instance, as separate processes would, all writing the shared blob at once; twice over.
            await Task.WhenAll(entries.Concat(entries).Select(entry => Task.Run(() => Cache(folder).StoreAsync(entry, temp.Path, CancellationToken.None))));

            foreach (var entry in entries)
            {
                var fresh = temp.Combine("fresh", entry.Fingerprint);
                Directory.CreateDirectory(fresh);
                Assert.NotNull(await Cache(folder).TryRestoreAsync(entry.Fingerprint, fresh, CancellationToken.None));
                Assert.Equal(2, Outputs.Read(fresh).Count);
            }

            Assert.True(_warnings.Count == 0, string.Join(Environment.NewLine, _warnings));
            Assert.Empty(Directory.GetFiles(folder, ".*", SearchOption.AllDirectories));
        }
    }

    private LocalFolderCache Cache(string folder) => new(folder, BuildCacheSettings.DefaultSizeCap, readOnly: false, Warn);

    private void Warn(string line)
    {
        lock (_warnings)
        {
            _warnings.Add(line);
        }
    }
}
