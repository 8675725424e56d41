using System.Runtime.Versioning;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.RepositoryBuild;

/// <summary>
/// A throwaway copy of this repository, made once for the tests that run its own <c>./build.sh</c> and <c>build.ps1</c>: the
/// tracked files and the untracked ones git does not ignore, as they are in the working tree now (so
/// uncommitted changes are tested too), committed into a fresh git repository. Building the working tree
/// itself would overwrite the test assemblies running this test. Deleted afterwards.
/// </summary>
/// <remarks>
/// Every <c>./build.sh</c> started here gets an environment a CI agent would give: none of the CI variables
/// of the machine running the tests (a test run on GitHub Actions must not look like one to the copy), none
/// of the MSBuild and test-platform variables <c>dotnet test</c> sets for this process, no <c>PIPELINE_*</c>
/// variables, a script cache of its own, and the user's HOME and NuGet packages folder, so restores are
/// answered from the packages the working tree's own build restored.
/// </remarks>
[UnsupportedOSPlatform("windows")] // build.sh, file modes
public sealed class RepositoryCopy : IAsyncLifetime
{
    /// <summary>
    /// Inherited variables left out of every child process, by prefix (ignoring case): the CI hosts' own
    /// (detection and identity), what <c>dotnet test</c> sets for the test process, Pipeline's, and git's.
    /// </summary>
    private static readonly string[] RemovedPrefixes =
    [
        "GITHUB_", "RUNNER_", "ACTIONS_", "GITEA_", "FORGEJO_", "GITLAB_", "CI_", "TF_BUILD", "SYSTEM_", "AGENT_", "BUILD_",
        "TEAMCITY_", "BAMBOO_", "JENKINS_", "HUDSON_", "TRAVIS", "APPVEYOR", "BITBUCKET_", "CIRCLE", "BUILDKITE",
        "WOODPECKER", "DRONE", "CONTINUOUS_INTEGRATION",
        "PIPELINE_", "MSBUILD", "VSTEST", "TESTINGPLATFORM_", "GIT_",
    ];

    /// <summary>Inherited variables left out by exact name (ignoring case).</summary>
    private static readonly string[] RemovedNames = ["CI", "Git_Branch", "NO_COLOR", "DOTNET_CLI_USE_MSBUILD_SERVER"];

    private int _runs;

    public RepositoryCopy()
    {
        Scratch = Directory.CreateTempSubdirectory("pipeline-repository-build-").FullName;
        Root = System.IO.Path.Combine(Scratch, "repository");
        ScriptCache = System.IO.Path.Combine(Scratch, "pipeline-cache");
    }

    /// <summary>The working tree the tests run from: the folder above the test assemblies with Pipeline.sln and build.sh.</summary>
    public string SourceRoot { get; } = SourceRepository.Root;

    /// <summary>The copy's root.</summary>
    public string Root { get; }

    /// <summary>The commit the copy is at.</summary>
    public string Commit { get; private set; } = string.Empty;

    /// <summary>True once a run has exited with 0: the copy's runner is built and up to date from then on.</summary>
    public bool RunnerBuilt { get; private set; }

    /// <summary>The PIPELINE_CACHE of every run, so runs share no compiled script with the machine's cache.</summary>
    public string ScriptCache { get; }

    private string Scratch { get; }

    /// <summary>The absolute path of <paramref name="relative"/> (forward slashes allowed) inside the copy.</summary>
    public string Path(string relative) => System.IO.Path.Combine(Root, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    /// <summary>A new empty folder outside the copy, for files a CI host would own (job summary, outputs).</summary>
    public string NewHostFolder(string name) =>
        Directory.CreateDirectory(System.IO.Path.Combine(Scratch, "host", name, Guid.NewGuid().ToString("N")[..8])).FullName;

    public async Task InitializeAsync()
    {
        var listing = await RunAsync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], SourceRoot, GitEnvironment(), HangGuard.Default);
        listing.ShouldExitWith(0);
        var files = listing.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("build.sh", files);
        Assert.Contains("build/build.csx", files);

        Directory.CreateDirectory(Root);
        foreach (var file in files)
        {
            var source = System.IO.Path.Combine(SourceRoot, file);
            if (!File.Exists(source))
            {
                continue; // tracked, but deleted in the working tree
            }

            var target = Path(file);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(source, target);
            File.SetUnixFileMode(target, File.GetUnixFileMode(source));
        }

        await GitAsync("init", "--quiet", "--initial-branch=main");
        await GitAsync("add", "--all");
        await GitAsync("commit", "--quiet", "--no-verify", "--no-gpg-sign", "--message", "A copy of the working tree for the end-to-end tests");
        Commit = (await GitAsync("rev-parse", "HEAD")).StandardOutput.Trim();
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Scratch, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the folder is under the temp folder.
        }
        catch (UnauthorizedAccessException)
        {
            // Read-only files (git objects are read-only, but deletable by their owner); the folder is under temp.
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs the copy's <c>./build.sh</c> from its root with the given arguments, in the CI-free environment
    /// described above plus <paramref name="hostVariables"/> (the variables a CI host's agent would set).
    /// </summary>
    public Task<RunnerResult> BuildShAsync(IReadOnlyDictionary<string, string> hostVariables, params string[] arguments) =>
        RunBuildAsync(Path("build.sh"), arguments, Root, hostVariables.ToDictionary(v => v.Key, string? (v) => v.Value));

    /// <summary>
    /// Runs the copy's <c>build.ps1</c> from <paramref name="workingDirectory"/> as its shebang line does,
    /// <c>pwsh -File build.ps1 ...</c>, in the same environment as <see cref="BuildShAsync"/>.
    /// </summary>
    public Task<RunnerResult> BuildPs1Async(string workingDirectory, params string[] arguments) =>
        BuildPs1Async(new Dictionary<string, string?>(), workingDirectory, arguments);

    /// <summary>The same, with <paramref name="variables"/> set (PATH, say) in the child's environment.</summary>
    public async Task<RunnerResult> BuildPs1Async(IReadOnlyDictionary<string, string?> variables, string workingDirectory, params string[] arguments)
    {
        var (program, commandLine) = await PowerShell.CommandLineAsync(Path("build.ps1"), arguments);
        var environment = new Dictionary<string, string?>(PowerShell.Environment);
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        return await RunBuildAsync(program, commandLine, workingDirectory, environment);
    }

    private async Task<RunnerResult> RunBuildAsync(
        string program, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> extraVariables)
    {
        var environment = IsolatedEnvironment();
        environment["PIPELINE_CACHE"] = ScriptCache;
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "1";

        // No MSBuild nodes or build server outliving a run and holding its output pipes open.
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";

        // No resident runner left behind in the user's folder by the copy's build.sh (the client is published with its runner).
        environment["PIPELINE_RUNNER"] = "off";
        foreach (var (name, value) in extraVariables)
        {
            environment[name] = value;
        }

        // The first run publishes the runner (ReadyToRun) and builds the solution from nothing; later ones build incrementally.
        var timeout = Interlocked.Increment(ref _runs) == 1 ? HangGuard.ColdBuild : HangGuard.Default;
        var result = await RunAsync(program, arguments, workingDirectory, environment, timeout);
        RunnerBuilt |= result.ExitCode == 0;
        return result;
    }

    private async Task<RunnerResult> GitAsync(params string[] arguments)
    {
        var environment = GitEnvironment();
        environment["GIT_AUTHOR_NAME"] = environment["GIT_COMMITTER_NAME"] = "Pipeline end-to-end tests";
        environment["GIT_AUTHOR_EMAIL"] = environment["GIT_COMMITTER_EMAIL"] = "e2e@pipeline.invalid";
        var result = await RunAsync("git", arguments, Root, environment, HangGuard.Default);
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', arguments)} failed in {Root}.{Environment.NewLine}{result}");
        return result;
    }

    /// <summary>git without the machine's or user's configuration (hooks, signing, templates).</summary>
    private static Dictionary<string, string?> GitEnvironment()
    {
        var environment = IsolatedEnvironment();
        environment["GIT_CONFIG_NOSYSTEM"] = "1";
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        return environment;
    }

    /// <summary>Overrides that unset every inherited variable the child must not see (null unsets).</summary>
    private static Dictionary<string, string?> IsolatedEnvironment()
    {
        var environment = InheritedEnvironment.Without(RemovedPrefixes);
        foreach (var name in Environment.GetEnvironmentVariables().Keys.OfType<string>().Where(n => RemovedNames.Contains(n, StringComparer.OrdinalIgnoreCase)))
        {
            environment[name] = null;
        }

        return environment;
    }

    private static async Task<RunnerResult> RunAsync(
        string program,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        TimeSpan hangGuard) =>
        RunnerResult.Of(await ChildProcess.RunAsync(program, arguments, workingDirectory, environment, hangGuard));
}
