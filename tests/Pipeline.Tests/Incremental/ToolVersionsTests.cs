using System.Diagnostics;
using System.Reflection;
using Pipeline.Incremental;

namespace Pipeline.Tests.Incremental;

public sealed class ToolVersionsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_SDK_identity_is_the_sorted_SDK_versions_of_the_dotnet_on_PATH_found_through_its_symbolic_link()
    {
        var root = FakeDotNet("dotnet-install", "8.0.404", "10.0.100");
        var bin = Directory.CreateDirectory(_temp.Combine("bin")).FullName;
        File.CreateSymbolicLink(Path.Combine(bin, DotNetFileName), Path.Combine(root, DotNetFileName));

        var identity = ToolVersions.SdkOf(Environment(path: string.Join(Path.PathSeparator, _temp.Combine("empty"), bin)));

        Assert.Equal("10.0.100 8.0.404", identity);
    }

    [Fact]
    public void Installing_or_removing_an_SDK_changes_the_identity()
    {
        var root = FakeDotNet("dotnet", "10.0.100");
        var before = ToolVersions.SdkOf(Environment(path: root));

        Directory.CreateDirectory(Path.Combine(root, "sdk", "10.0.101"));
        var installed = ToolVersions.SdkOf(Environment(path: root));
        Directory.Delete(Path.Combine(root, "sdk", "10.0.100"));
        var removed = ToolVersions.SdkOf(Environment(path: root));

        Assert.Equal(["10.0.100", "10.0.100 10.0.101", "10.0.101"], [before, installed, removed]);
    }

    [Fact]
    public void Without_dotnet_on_PATH_the_SDKs_under_DOTNET_ROOT_are_used()
    {
        var root = FakeDotNet("dotnet-root", "9.0.300");

        Assert.Equal("9.0.300", ToolVersions.SdkOf(Environment(path: _temp.Combine("nothing-here"), dotnetRoot: root)));
    }

    [Fact]
    public void The_same_SDKs_installed_in_different_folders_give_the_same_identity_so_machines_share_fingerprints()
    {
        var developer = FakeDotNet("home/.dotnet", "10.0.100");
        var ci = FakeDotNet("usr/share/dotnet", "10.0.100");

        Assert.Equal(ToolVersions.SdkOf(Environment(path: developer)), ToolVersions.SdkOf(Environment(path: ci)));
    }

    [Fact]
    public void This_machine_s_SDK_identity_names_the_SDK_that_dotnet_runs()
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", "--version")
        {
            RedirectStandardOutput = true,
            WorkingDirectory = _temp.Path,
        })!;
        var version = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();

        Assert.Contains(version, ToolVersions.Sdk.Split(' '));
    }

    [Fact]
    public void The_runner_version_is_the_Pipeline_library_s_informational_version()
    {
        var version = typeof(Build).Assembly.GetName().Version!;

        Assert.StartsWith($"{version.Major}.{version.Minor}.{version.Build}", ToolVersions.Runner, StringComparison.Ordinal);
        Assert.Equal(
            typeof(Build).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion,
            ToolVersions.Runner);
    }

    private static string DotNetFileName => OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";

    private static Func<string, string?> Environment(string path, string? dotnetRoot = null) =>
        name => name switch
        {
            "PATH" => path,
            "DOTNET_ROOT" => dotnetRoot,
            _ => null,
        };

    /// <summary>A dotnet installation as the file system shows it: the executable and one folder per SDK.</summary>
    private string FakeDotNet(string folder, params string[] sdkVersions)
    {
        var root = Directory.CreateDirectory(_temp.Combine(folder.Split('/'))).FullName;
        File.WriteAllText(Path.Combine(root, DotNetFileName), "#!/bin/sh\n");
        foreach (var version in sdkVersions)
        {
            Directory.CreateDirectory(Path.Combine(root, "sdk", version));
        }

        return root;
    }
}
