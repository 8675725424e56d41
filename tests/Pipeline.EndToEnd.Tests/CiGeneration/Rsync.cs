using System.ComponentModel;

namespace Pipeline.EndToEnd.Tests.CiGeneration;

/// <summary>
/// rsync, which gitlab-ci-local uses to copy the repository and the artifacts between jobs: installed from Debian
/// when it is missing and the tests run as root (as CI does), otherwise a failure saying how to install it.
/// </summary>
internal static class Rsync
{
    private static readonly Lazy<Task> Installed = new(InstallWhenMissingAsync);

    public static Task EnsureInstalledAsync() => Installed.Value;

    private static async Task InstallWhenMissingAsync()
    {
        if (!await RunsAsync("rsync", "--version"))
        {
            await DebianPackages.InstallAsync("rsync", "gitlab-ci-local");
        }
    }

    private static async Task<bool> RunsAsync(string program, params string[] arguments)
    {
        try
        {
            return (await ChildProcess.RunAsync(program, arguments, Path.GetTempPath())).ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }
}
