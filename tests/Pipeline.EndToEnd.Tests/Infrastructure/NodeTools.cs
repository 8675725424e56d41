namespace Pipeline.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The CI hosts' own tools (validators, gitlab-ci-local) pinned in <c>tests/tools/package.json</c>, installed once per
/// test run with <c>npm ci</c> from its lock file.
/// </summary>
public static class NodeTools
{
    private static readonly Lazy<Task<string>> Installed = new(InstallAsync);

    /// <summary>The path of the installed tool <paramref name="name"/> (<c>node_modules/.bin/&lt;name&gt;</c>).</summary>
    public static async Task<string> BinAsync(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var bin = Path.Combine(await Installed.Value, "node_modules", ".bin", name);
        Assert.True(File.Exists(bin), $"npm ci in tests/tools installed no '{name}': is it in tests/tools/package.json?");
        return bin;
    }

    private static async Task<string> InstallAsync()
    {
        var tools = Path.Combine(FindTestsFolder(), "tools");
        ChildProcessResult result;
        try
        {
            result = await ChildProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], tools, hangGuard: HangGuard.ColdBuild);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("npm is not installed: the tests install the CI hosts' tools with npm ci (tests/tools). Install Node.js 20 and npm.");
        }

        Assert.True(result.ExitCode == 0, $"npm ci in {tools} failed with exit code {result.ExitCode}:{Environment.NewLine}{result.StandardOutput}{result.StandardError}");
        return tools;
    }

    /// <summary>The repository's <c>tests</c> folder, above the test assemblies.</summary>
    private static string FindTestsFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "tools", "package.json")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No tests/tools/package.json above {AppContext.BaseDirectory}.");
    }
}
