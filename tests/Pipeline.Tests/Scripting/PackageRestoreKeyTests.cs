using Pipeline.Runner.Scripting;

namespace Pipeline.Tests.Scripting;

public sealed class PackageRestoreKeyTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void The_same_packages_in_another_case_or_order_or_written_twice_make_the_same_key()
    {
        var configuration = Given("nuget.config", "<configuration />");

        var written = Key([new("Humanizer.Core", "2.14.1"), new("Newtonsoft.Json", "13.0.3")], configuration);
        var rewritten = Key([new("newtonsoft.json", "13.0.3"), new("HUMANIZER.CORE", "2.14.1"), new("Humanizer.Core", "2.14.1")], configuration);

        Assert.Equal(written, rewritten);
        Assert.Equal(written.Hash, rewritten.Hash);
    }

    [Fact]
    public void Another_version_or_another_package_makes_another_key()
    {
        var configuration = Given("nuget.config", "<configuration />");
        var key = Key([new("Humanizer.Core", "2.14.1")], configuration);

        Assert.NotEqual(key.Hash, Key([new("Humanizer.Core", "2.8.26")], configuration).Hash);
        Assert.NotEqual(key.Hash, Key([new("Humanizer.Core", "2.14.1"), new("Newtonsoft.Json", "13.0.3")], configuration).Hash);
    }

    [Fact]
    public void A_changed_nuget_config_makes_another_key()
    {
        var configuration = Given("nuget.config", "<configuration />");
        var before = Key([new("Humanizer.Core", "2.14.1")], configuration);

        File.WriteAllText(configuration.ConfigFile!, """<configuration><packageSources><add key="local" value="packages" /></packageSources></configuration>""");
        var after = Key([new("Humanizer.Core", "2.14.1")], configuration);

        Assert.NotEqual(before.Hash, after.Hash);
    }

    [Fact]
    public void Without_a_nuget_config_the_key_says_so_and_follows_the_files_nuget_reads_itself()
    {
        var user = _temp.Combine("user", "NuGet.Config");
        var lookup = new NuGetConfiguration(null, [user]);

        var absent = Key([new("Humanizer.Core", "2.14.1")], lookup);
        Directory.CreateDirectory(Path.GetDirectoryName(user)!);
        File.WriteAllText(user, "<configuration />");
        var present = Key([new("Humanizer.Core", "2.14.1")], lookup);

        Assert.Contains("config none", absent.Text, StringComparison.Ordinal);
        Assert.Contains($"config-file absent {user}", absent.Text, StringComparison.Ordinal);
        Assert.NotEqual(absent.Hash, present.Hash);
        Assert.NotEqual(present.Hash, Key([new("Humanizer.Core", "2.14.1")], new NuGetConfiguration(user, [user])).Hash);
    }

    [Fact]
    public void Another_target_framework_platform_or_restore_project_makes_another_key()
    {
        var configuration = Given("nuget.config", "<configuration />");
        ScriptPackage[] packages = [new("Humanizer.Core", "2.14.1")];
        var key = PackageRestoreKey.Create(packages, configuration, "net10.0", "linux-x64", "<Project />");

        Assert.NotEqual(key.Hash, PackageRestoreKey.Create(packages, configuration, "net11.0", "linux-x64", "<Project />").Hash);
        Assert.NotEqual(key.Hash, PackageRestoreKey.Create(packages, configuration, "net10.0", "linux-arm64", "<Project />").Hash);
        Assert.NotEqual(key.Hash, PackageRestoreKey.Create(packages, configuration, "net10.0", "linux-x64", "<Project Sdk=\"x\" />").Hash);
    }

    public void Dispose() => _temp.Dispose();

    private static PackageRestoreKey Key(IEnumerable<ScriptPackage> packages, NuGetConfiguration configuration) =>
        PackageRestoreKey.Create(packages, configuration, "net10.0", "linux-x64", "<Project />");

    private NuGetConfiguration Given(string name, string content)
    {
        var path = _temp.Combine(name);
        File.WriteAllText(path, content);
        return new NuGetConfiguration(path, [path]);
    }
}
