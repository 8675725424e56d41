using Pipeline.BuildCache;
using Pipeline.EndToEnd.Tests.BuildCache;
using Pipeline.Secrets;

namespace Pipeline.Tests.BuildCache;

/// <summary>The remote cache against a real nginx accepting WebDAV PUT on the loopback address.</summary>
public sealed class HttpBuildCacheTests
{
    private readonly List<string> _warnings = [];

    [Fact]
    public async Task Stored_outputs_are_restored_from_nginx_into_an_empty_checkout()
    {
        await using var nginx = await Nginx.StartAsync();
        using var temp = new TempDirectory();
        var built = temp.Combine("built");
        Outputs.Write(built, "bin/App.dll", "assembly");
        Outputs.Write(built, "bin/tool.sh", "#!/bin/sh\n", executable: true);
        Outputs.Write(built, "obj/App.dll", "assembly");

        // Not itself a SHA-256: stored under the SHA-256 of its text, as such servers want.
        var entry = Outputs.Entry(built, "Compile:" + Outputs.NewFingerprint(), "bin/App.dll", "bin/tool.sh", "obj/App.dll");
        using (var writer = Cache(nginx))
        {
            await writer.StoreAsync(entry, built, CancellationToken.None);
        }

        var fresh = temp.Combine("fresh");
        Directory.CreateDirectory(fresh);
        using var reader = Cache(nginx);
        var restored = await reader.TryRestoreAsync(entry.Fingerprint, fresh, CancellationToken.None);

        Assert.NotNull(restored);
        Assert.Equal(entry.OutputLines, restored.OutputLines);
        Assert.Equal(Outputs.Read(built), Outputs.Read(fresh));
        Assert.True(OperatingSystem.IsWindows() || Outputs.IsExecutable(Path.Combine(fresh, "bin/tool.sh")));
        Assert.Equal(
            [$"ac/{CacheKey.For(entry.Fingerprint)}", .. entry.Files.Select(f => $"cas/{f.Sha256}").Distinct().Order(StringComparer.Ordinal)],
            nginx.StoredFiles());
        Assert.Empty(_warnings);
    }

    [Fact]
    public async Task An_entry_the_server_does_not_have_is_a_miss_without_a_warning()
    {
        await using var nginx = await Nginx.StartAsync();
        using var temp = new TempDirectory();
        using var cache = Cache(nginx);

        Assert.Null(await cache.TryRestoreAsync(Outputs.NewFingerprint(), temp.Path, CancellationToken.None));

        Assert.Empty(_warnings);
        Assert.False(cache.IsOff);
    }

    [Fact]
    public async Task A_blob_corrupted_on_the_server_is_a_miss_with_a_warning_and_nothing_is_restored()
    {
        await using var nginx = await Nginx.StartAsync();
        using var temp = new TempDirectory();
        var built = temp.Combine("built");
        Outputs.Write(built, "bin/App.dll", "assembly");
        var entry = Outputs.Entry(built, Outputs.NewFingerprint(), "bin/App.dll");
        using var cache = Cache(nginx);
        await cache.StoreAsync(entry, built, CancellationToken.None);
        File.WriteAllText(Path.Combine(nginx.Data, "cas", entry.Files[0].Sha256), "assemblz");
        var fresh = temp.Combine("fresh");
        Directory.CreateDirectory(fresh);

        var restored = await cache.TryRestoreAsync(entry.Fingerprint, fresh, CancellationToken.None);

        Assert.Null(restored);
        Assert.Empty(Directory.GetFileSystemEntries(fresh));
        Assert.Contains("bin/App.dll does not match its digest", Assert.Single(_warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_only_cache_restores_from_the_server_and_writes_nothing_to_it()
    {
        await using var nginx = await Nginx.StartAsync();
        using var temp = new TempDirectory();
        Outputs.Write(temp.Path, "bin/App.dll", "assembly");
        var entry = Outputs.Entry(temp.Path, Outputs.NewFingerprint(), "bin/App.dll");
        using var readOnly = new HttpBuildCache(RemoteCacheAddress.From(nginx.Url, null), readOnly: true, Warn);

        await readOnly.StoreAsync(entry, temp.Path, CancellationToken.None);
        Assert.Empty(nginx.StoredFiles());

        using (var writer = Cache(nginx))
        {
            await writer.StoreAsync(entry, temp.Path, CancellationToken.None);
        }

        File.Delete(temp.Combine("bin", "App.dll"));
        Assert.NotNull(await readOnly.TryRestoreAsync(entry.Fingerprint, temp.Path, CancellationToken.None));
        Assert.Equal("assembly", File.ReadAllText(temp.Combine("bin", "App.dll")));
        Assert.Empty(_warnings);
    }

    [Fact]
    public async Task A_server_killed_mid_run_costs_one_warning_and_every_later_call_returns_at_once()
    {
        var nginx = await Nginx.StartAsync();
        using var temp = new TempDirectory();
        Outputs.Write(temp.Path, "bin/App.dll", "assembly");
        var stored = Outputs.Entry(temp.Path, Outputs.NewFingerprint(), "bin/App.dll");
        using var cache = Cache(nginx);
        await cache.StoreAsync(stored, temp.Path, CancellationToken.None);

        await nginx.DisposeAsync();
        var missed = await cache.TryRestoreAsync(stored.Fingerprint, temp.Path, CancellationToken.None);
        await cache.StoreAsync(Outputs.Entry(temp.Path, Outputs.NewFingerprint(), "bin/App.dll"), temp.Path, CancellationToken.None);
        var stillOff = await cache.TryRestoreAsync(stored.Fingerprint, temp.Path, CancellationToken.None);

        Assert.Null(missed);
        Assert.Null(stillOff);
        Assert.True(cache.IsOff);
        var warning = Assert.Single(_warnings);
        Assert.StartsWith($"warning: build cache {nginx.Url} unreachable: ", warning, StringComparison.Ordinal);
        Assert.EndsWith("; this run goes on without it", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_killed_during_a_download_costs_one_warning_and_leaves_nothing_half_restored()
    {
        var nginx = await Nginx.StartAsync(bytesPerSecond: 64 * 1024);
        using var temp = new TempDirectory();
        var built = temp.Combine("built");
        Outputs.Write(built, "bin/Big.dll", new string('x', 4 * 1024 * 1024));
        var entry = Outputs.Entry(built, Outputs.NewFingerprint(), "bin/Big.dll");
        using var cache = Cache(nginx);
        await cache.StoreAsync(entry, built, CancellationToken.None);
        var fresh = temp.Combine("fresh");
        Directory.CreateDirectory(fresh);

        var restore = cache.TryRestoreAsync(entry.Fingerprint, fresh, CancellationToken.None);
        await Until(() => Directory.EnumerateFiles(fresh, "*.restore", SearchOption.AllDirectories).Any(f => new FileInfo(f).Length > 0));
        await nginx.DisposeAsync();
        var restored = await restore;

        Assert.Null(restored);
        Assert.Empty(Directory.GetFileSystemEntries(fresh));
        var warning = Assert.Single(_warnings);
        Assert.True(warning.Contains(" unreachable: ", StringComparison.Ordinal), warning);
    }

    [Fact]
    public async Task The_bearer_token_is_sent_and_no_message_shows_it_or_the_password_in_the_url()
    {
        var token = SecretValues.NewValue();
        var password = SecretValues.NewValue();
        var nginx = await Nginx.StartAsync(requiredBearerToken: token);
        using var temp = new TempDirectory();
        Outputs.Write(temp.Path, "bin/App.dll", "assembly");
        var entry = Outputs.Entry(temp.Path, Outputs.NewFingerprint(), "bin/App.dll");
        var url = new UriBuilder(nginx.Url) { UserName = "ci", Password = password }.Uri;
        var secrets = new SecretMasker();
        var settings = new BuildCacheSettings(BuildCacheMode.ReadWrite, LocalFolder: null, BuildCacheSettings.DefaultSizeCap, url, token);
        var cache = BuildCaches.Create(settings, secrets, Warn)!;

        await cache.StoreAsync(entry, temp.Path, CancellationToken.None);
        File.Delete(temp.Combine("bin", "App.dll"));
        var restored = await cache.TryRestoreAsync(entry.Fingerprint, temp.Path, CancellationToken.None);
        await nginx.DisposeAsync();
        Assert.Null(await cache.TryRestoreAsync(Outputs.NewFingerprint(), temp.Path, CancellationToken.None));

        Assert.NotNull(restored);
        Assert.Contains(token, secrets.Values);
        Assert.Contains(password, secrets.Values);
        var warning = Assert.Single(_warnings);
        Assert.Contains($"http://****@127.0.0.1:{nginx.Url.Port}/cache/ unreachable", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(token, warning, StringComparison.Ordinal);
        Assert.DoesNotContain(password, warning, StringComparison.Ordinal);
        Assert.DoesNotContain(token, settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(password, settings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_token_turns_the_cache_off_with_one_warning_that_does_not_show_it()
    {
        await using var nginx = await Nginx.StartAsync(requiredBearerToken: SecretValues.NewValue());
        using var temp = new TempDirectory();
        var wrong = SecretValues.NewValue();
        var secrets = new SecretMasker();
        var cache = BuildCaches.Create(new BuildCacheSettings(BuildCacheMode.ReadWrite, null, BuildCacheSettings.DefaultSizeCap, nginx.Url, wrong), secrets, Warn)!;

        Assert.Null(await cache.TryRestoreAsync(Outputs.NewFingerprint(), temp.Path, CancellationToken.None));
        Assert.Null(await cache.TryRestoreAsync(Outputs.NewFingerprint(), temp.Path, CancellationToken.None));

        var warning = Assert.Single(_warnings);
        Assert.Contains("HTTP 401", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_remote_hit_is_kept_in_the_local_cache_so_the_next_restore_needs_no_server()
    {
        var nginx = await Nginx.StartAsync();
        using var temp = new TempDirectory();
        var built = temp.Combine("built");
        Outputs.Write(built, "bin/App.dll", "assembly");
        var entry = Outputs.Entry(built, Outputs.NewFingerprint(), "bin/App.dll");
        var secrets = new SecretMasker();
        var ciRunner = BuildCaches.Create(new BuildCacheSettings(BuildCacheMode.ReadWrite, temp.Combine("ci-cache"), BuildCacheSettings.DefaultSizeCap, nginx.Url, null), secrets, Warn)!;
        await ciRunner.StoreAsync(entry, built, CancellationToken.None);

        var laptop = BuildCaches.Create(new BuildCacheSettings(BuildCacheMode.ReadWrite, temp.Combine("laptop-cache"), BuildCacheSettings.DefaultSizeCap, nginx.Url, null), secrets, Warn)!;
        var clone = temp.Combine("clone");
        Directory.CreateDirectory(clone);
        Assert.NotNull(await laptop.TryRestoreAsync(entry.Fingerprint, clone, CancellationToken.None));
        await nginx.DisposeAsync();
        File.Delete(Path.Combine(clone, "bin", "App.dll"));
        var offline = await laptop.TryRestoreAsync(entry.Fingerprint, clone, CancellationToken.None);

        Assert.IsType<LayeredBuildCache>(laptop);
        Assert.NotNull(offline);
        Assert.Equal("assembly", File.ReadAllText(Path.Combine(clone, "bin", "App.dll")));
        Assert.Empty(_warnings);
    }

    /// <summary>Polls until the condition holds; fails after a generous deadline.</summary>
    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + HangGuard.Default;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    }

    private HttpBuildCache Cache(Nginx nginx) => new(RemoteCacheAddress.From(nginx.Url, null), readOnly: false, Warn);

    private void Warn(string line)
    {
        lock (_warnings)
        {
            _warnings.Add(line);
        }
    }
}
