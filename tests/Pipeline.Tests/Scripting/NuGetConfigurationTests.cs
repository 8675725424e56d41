using Pipeline.Runner.Scripting;

namespace Pipeline.Tests.Scripting;

public sealed class NuGetConfigurationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void The_nuget_config_nearest_the_script_in_any_case_is_the_only_one_given_to_the_restore()
    {
        var script = Directory.CreateDirectory(_temp.Combine("repo", "build", "lib")).FullName;
        File.WriteAllText(_temp.Combine("nuget.config"), "<configuration />");
        File.WriteAllText(_temp.Combine("repo", "NuGet.Config"), "<configuration />");

        var configuration = NuGetConfiguration.For(script, Directory.CreateDirectory(_temp.Combine("cache")).FullName);

        Assert.Equal(_temp.Combine("repo", "NuGet.Config"), configuration.ConfigFile);
        Assert.Equal([_temp.Combine("repo", "NuGet.Config")], configuration.Files);
    }

    [Fact]
    public void Without_one_near_the_script_nuget_looks_itself_from_the_restore_folder_up_and_in_the_user_configuration()
    {
        var script = Directory.CreateDirectory(_temp.Combine("repo", "build")).FullName;
        var restore = Directory.CreateDirectory(_temp.Combine("cache", "packages")).FullName;
        File.WriteAllText(_temp.Combine("cache", "nuget.config"), "<configuration />");

        var configuration = NuGetConfiguration.For(script, restore);

        Assert.Null(configuration.ConfigFile);
        Assert.Equal(_temp.Combine("cache", "nuget.config"), configuration.Files[0]);
        Assert.EndsWith(Path.Combine("NuGet", "NuGet.Config"), configuration.Files[^1], StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
