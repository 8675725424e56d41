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
        if (await RunsAsync("rsync", "--version"))
        {
            return;
        }

        var user = await ChildProcess.RunAsync("id", ["-u"], Path.GetTempPath());
        Assert.True(
            user.StandardOutput.Trim() == "0",
            "gitlab-ci-local needs rsync, which is not installed, and the tests do not run as root to install it: run 'sudo apt-get install -y rsync'.");

        // A fresh machine may have no package lists yet: update them only when the first try fails.
        var installed = await AptGetAsync("install", "-y", "rsync");
        if (installed.ExitCode != 0)
        {
            var updated = await AptGetAsync("update");
            Assert.True(updated.ExitCode == 0, $"apt-get update failed while installing rsync for gitlab-ci-local:{Environment.NewLine}{updated.Describe()}");
            installed = await AptGetAsync("install", "-y", "rsync");
        }

        Assert.True(installed.ExitCode == 0, $"apt-get install -y rsync failed (gitlab-ci-local needs rsync):{Environment.NewLine}{installed.Describe()}");
    }

    private static async Task<ChildProcessResult> AptGetAsync(params string[] arguments)
    {
        try
        {
            return await ChildProcess.RunAsync("apt-get", arguments, Path.GetTempPath(), new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" }, HangGuard.ColdBuild);
        }
        catch (Win32Exception)
        {
            throw new InvalidOperationException("gitlab-ci-local needs rsync, which is not installed, and there is no apt-get to install it: install rsync with the system's package manager.");
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
