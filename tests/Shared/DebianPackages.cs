using System.ComponentModel;

namespace Pipeline.Testing;

/// <summary>
/// Installs a Debian package that some tests need (rsync for gitlab-ci-local, nginx for the remote build cache) when
/// it is missing: with apt-get when the tests run as root, as CI does; otherwise a failure saying how to install it.
/// </summary>
internal static class DebianPackages
{
    /// <param name="neededBy">Who needs it, for the messages: "gitlab-ci-local", "the build cache tests".</param>
    public static async Task InstallAsync(string package, string neededBy)
    {
        var user = await ChildProcess.RunAsync("id", ["-u"], Path.GetTempPath());
        Assert.True(
            user.StandardOutput.Trim() == "0",
            $"{neededBy} needs {package}, which is not installed, and the tests do not run as root to install it: run 'sudo apt-get install -y {package}'.");

        // A fresh machine may have no package lists yet: update them only when the first try fails.
        var installed = await AptGetAsync(package, neededBy, "install", "-y", package);
        if (installed.ExitCode != 0)
        {
            var updated = await AptGetAsync(package, neededBy, "update");
            Assert.True(updated.ExitCode == 0, $"apt-get update failed while installing {package} for {neededBy}:{Environment.NewLine}{updated.Describe()}");
            installed = await AptGetAsync(package, neededBy, "install", "-y", package);
        }

        Assert.True(installed.ExitCode == 0, $"apt-get install -y {package} failed ({neededBy} needs it):{Environment.NewLine}{installed.Describe()}");
    }

    private static async Task<ChildProcessResult> AptGetAsync(string package, string neededBy, params string[] arguments)
    {
        try
        {
            return await ChildProcess.RunAsync("apt-get", arguments, Path.GetTempPath(), new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" }, HangGuard.ColdBuild);
        }
        catch (Win32Exception)
        {
            throw new InvalidOperationException($"{neededBy} needs {package}, which is not installed, and there is no apt-get to install it: install {package} with the system's package manager.");
        }
    }
}
