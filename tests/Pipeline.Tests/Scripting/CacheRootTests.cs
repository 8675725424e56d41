using Pipeline.Runner.Scripting;

namespace Pipeline.Tests.Scripting;

public sealed class CacheRootTests
{
    private static readonly string InvocationDirectory = Path.Combine(Path.GetTempPath(), "started-here");

    [Fact]
    public void A_relative_PIPELINE_CACHE_is_relative_to_where_the_command_was_run()
    {
        var root = CacheRoot.Resolve(name => name == "PIPELINE_CACHE" ? "relative-cache" : null, InvocationDirectory);

        Assert.Equal(Path.Combine(InvocationDirectory, "relative-cache"), root.Path);
        Assert.Equal(Path.Combine(InvocationDirectory, "relative-cache", "scripts"), root.Scripts);
        Assert.Equal(Path.Combine(InvocationDirectory, "relative-cache", "packages"), root.Packages);
    }

    [Fact]
    public void An_absolute_PIPELINE_CACHE_is_used_as_it_is()
    {
        var configured = Path.Combine(Path.GetTempPath(), "configured-cache");

        var root = CacheRoot.Resolve(name => name == "PIPELINE_CACHE" ? configured : null, InvocationDirectory);

        Assert.Equal(configured, root.Path);
    }

    [Fact]
    public void Without_PIPELINE_CACHE_the_cache_is_in_the_XDG_cache_folder_of_the_given_environment_or_in_local_app_data_on_Windows()
    {
        var xdg = Path.Combine(Path.GetTempPath(), "xdg-cache");

        var root = CacheRoot.Resolve(name => name == "XDG_CACHE_HOME" ? xdg : null, InvocationDirectory);

        var expected = OperatingSystem.IsWindows()
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "pipeline")
            : Path.Combine(xdg, "pipeline");
        Assert.Equal(expected, root.Path);
    }
}
