using Pipeline.BuildCache;
using Pipeline.CommandLine;
using Pipeline.Runner.Scripting;

namespace Pipeline.Tests.BuildCache;

public sealed class BuildCacheSettingsTests
{
    private static readonly string InvocationDirectory = Path.Combine(Path.GetTempPath(), "started-here");

    [Fact]
    public void By_default_the_cache_is_a_5_GiB_read_write_folder_beside_the_compiled_scripts_and_there_is_no_remote()
    {
        var pipelineCache = Path.Combine(Path.GetTempPath(), "pipeline-cache");
        Func<string, string?> environment = name => name == "PIPELINE_CACHE" ? pipelineCache : null;

        var settings = BuildCacheSettings.From(environment, InvocationDirectory);

        Assert.Equal(BuildCacheMode.ReadWrite, settings.Mode);
        Assert.Equal(Path.Combine(CacheRoot.Resolve(environment, InvocationDirectory).Path, "build-cache"), settings.LocalFolder);
        Assert.Equal(5L * 1024 * 1024 * 1024, settings.SizeCap);
        Assert.Null(settings.RemoteUrl);
        Assert.Null(settings.Token);
    }

    [Fact]
    public void A_relative_PIPELINE_BUILD_CACHE_is_relative_to_where_the_command_was_run_and_off_turns_the_folder_off()
    {
        Assert.Equal(Path.Combine(InvocationDirectory, "my-cache"), Settings(("PIPELINE_BUILD_CACHE", "my-cache")).LocalFolder);
        Assert.Null(Settings(("PIPELINE_BUILD_CACHE", "off")).LocalFolder);
    }

    [Theory]
    [InlineData("1073741824", 1073741824L)]
    [InlineData("500MB", 500_000_000L)]
    [InlineData("5GiB", 5L << 30)]
    [InlineData("256 mib", 256L << 20)]
    [InlineData("1.5GB", 1_500_000_000L)]
    public void PIPELINE_BUILD_CACHE_SIZE_takes_bytes_or_a_number_and_a_unit(string value, long bytes) =>
        Assert.Equal(bytes, Settings(("PIPELINE_BUILD_CACHE_SIZE", value)).SizeCap);

    [Theory]
    [InlineData("lots")]
    [InlineData("5 gallons")]
    [InlineData("-1GB")]
    [InlineData("99999999999TB")]
    public void A_malformed_size_is_a_usage_error_naming_the_variable_and_the_value(string value)
    {
        var error = Assert.Throws<UsageException>(() => Settings(("PIPELINE_BUILD_CACHE_SIZE", value)));

        Assert.Equal($"PIPELINE_BUILD_CACHE_SIZE is '{value}', which is not a size: write bytes (1073741824) or a number and a unit (500MB, 5GiB).", error.Message);
    }

    [Theory]
    [InlineData("read-write", "ReadWrite")]
    [InlineData("read-only", "ReadOnly")]
    [InlineData("OFF", "Off")]
    public void PIPELINE_BUILD_CACHE_MODE_is_read_write_read_only_or_off(string value, string mode) =>
        Assert.Equal(mode, Settings(("PIPELINE_BUILD_CACHE_MODE", value)).Mode.ToString());

    [Fact]
    public void An_unknown_mode_is_a_usage_error_listing_the_modes()
    {
        var error = Assert.Throws<UsageException>(() => Settings(("PIPELINE_BUILD_CACHE_MODE", "readonly")));

        Assert.Equal("PIPELINE_BUILD_CACHE_MODE is 'readonly'; it is one of read-write (the default), read-only or off.", error.Message);
    }

    [Fact]
    public void The_remote_url_and_token_are_read_and_a_url_that_is_not_http_is_a_usage_error_that_masks_its_password()
    {
        var settings = Settings(("PIPELINE_BUILD_CACHE_URL", "https://cache.example.com/pipeline"), ("PIPELINE_BUILD_CACHE_TOKEN", "t0ken-value"));
        Assert.Equal(new Uri("https://cache.example.com/pipeline"), settings.RemoteUrl);
        Assert.Equal("t0ken-value", settings.Token);
        Assert.DoesNotContain("t0ken-value", settings.ToString(), StringComparison.Ordinal);

        var error = Assert.Throws<UsageException>(() => Settings(("PIPELINE_BUILD_CACHE_URL", "ftp://ci:hunter2-secret@cache.example.com/")));
        Assert.Equal("PIPELINE_BUILD_CACHE_URL is 'ftp://****@cache.example.com/', which is not an http:// or https:// URL (for example https://cache.example.com/pipeline).", error.Message);
    }

    [Fact]
    public void Mode_off_or_nothing_configured_makes_no_cache_and_a_folder_and_a_url_make_a_layered_one()
    {
        var secrets = new Secrets.SecretMasker();
        var folder = Path.Combine(Path.GetTempPath(), "unused-cache");
        var url = new Uri("http://127.0.0.1:9/cache/");

        Assert.Null(BuildCaches.Create(new BuildCacheSettings(BuildCacheMode.Off, folder, 1, url, null), secrets, _ => { }));
        Assert.Null(BuildCaches.Create(new BuildCacheSettings(BuildCacheMode.ReadWrite, null, 1, null, null), secrets, _ => { }));
        Assert.IsType<LocalFolderCache>(BuildCaches.Create(new BuildCacheSettings(BuildCacheMode.ReadWrite, folder, 1, null, null), secrets, _ => { }));
        Assert.IsType<HttpBuildCache>(BuildCaches.Create(new BuildCacheSettings(BuildCacheMode.ReadWrite, null, 1, url, null), secrets, _ => { }));
        Assert.IsType<LayeredBuildCache>(BuildCaches.Create(new BuildCacheSettings(BuildCacheMode.ReadOnly, folder, 1, url, null), secrets, _ => { }));
    }

    private static BuildCacheSettings Settings(params (string Name, string Value)[] variables) =>
        BuildCacheSettings.From(name => variables.FirstOrDefault(v => v.Name == name).Value, InvocationDirectory);
}
