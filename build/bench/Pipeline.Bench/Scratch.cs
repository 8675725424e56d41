namespace Pipeline.Bench;

/// <summary>
/// The harness's temporary folder and the environment of every process it starts. Nothing of the machine's
/// own state is used or changed: the NuGet packages folder, the .NET CLI home (tool resolver cache), the
/// template hive and the Pipeline script caches all live in the scratch folder, new for every run of the
/// harness, so a stale copy of a package with the same version can never be picked up.
/// </summary>
internal sealed class Scratch : IDisposable
{
    public Scratch(bool keep)
    {
        Root = Directory.CreateTempSubdirectory("pipeline-bench-").FullName;
        Keep = keep;
        NuGetPackages = Folder("nuget-packages");
        WarmCache = Path.Combine(Root, "pipeline-cache-warm");
    }

    public string Root { get; }

    public string NuGetPackages { get; }

    /// <summary>The Pipeline script cache of warm runs (PIPELINE_CACHE).</summary>
    public string WarmCache { get; }

    private bool Keep { get; }

    public string Folder(string name) => Directory.CreateDirectory(Path.Combine(Root, name)).FullName;

    /// <summary>
    /// The environment of a child: the harness's own, less this machine's <c>PIPELINE_*</c> parameters and the
    /// MSBuild and test-platform variables a parent <c>dotnet</c> may have set, plus the isolated folders.
    /// </summary>
    public Dictionary<string, string?> Environment(string? scriptCache = null)
    {
        var variables = PackingEnvironment();
        variables["NUGET_PACKAGES"] = NuGetPackages;
        variables["DOTNET_CLI_HOME"] = Path.Combine(Root, "dotnet-cli-home");
        variables["PIPELINE_CACHE"] = scriptCache ?? WarmCache;
        variables["NO_COLOR"] = "1";

        // In process unless a measurement asks for the resident runner (ResidentEnvironment): the rows that came before
        // it measure what they always measured, and no runner outlives the harness.
        variables["PIPELINE_RUNNER"] = "off";
        variables["DOTNET_NOLOGO"] = "1";
        variables["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        variables["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        variables["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "1";
        variables["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false";
        return variables;
    }

    /// <summary>
    /// The environment of a run through the native client: <see cref="Environment"/> with the resident runner on and
    /// its socket in <paramref name="runnerFolder"/>, a folder of the harness's own (short, under /tmp: a socket's path
    /// has room for about 100 bytes).
    /// </summary>
    public Dictionary<string, string?> ResidentEnvironment(string runnerFolder)
    {
        var variables = Environment();
        variables["PIPELINE_RUNNER"] = "on";
        variables["PIPELINE_RUNNER_DIR"] = runnerFolder;
        return variables;
    }

    /// <summary>
    /// The environment of packing: the machine's own NuGet configuration and packages folder (they have this
    /// repository's dependencies), less inherited <c>PIPELINE_*</c>, MSBuild and test-platform variables.
    /// </summary>
    public static Dictionary<string, string?> PackingEnvironment()
    {
        var variables = InheritedEnvironment.Without("PIPELINE_", "MSBUILD", "VSTEST", "TESTINGPLATFORM_", "DOTNET_WATCH");

        // No build server or MSBuild node outliving a setup step and competing with the measured runs.
        variables["MSBUILDDISABLENODEREUSE"] = "1";
        variables["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        variables["UseSharedCompilation"] = "false";
        variables["DOTNET_NOLOGO"] = "1";
        return variables;
    }

    public void Dispose()
    {
        if (Keep)
        {
            Console.Error.WriteLine($"bench: scratch folder kept: {Root}");
            return;
        }

        try
        {
            // NuGet extracts packages read-only; make them deletable first.
            foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(Root, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"bench: could not delete the scratch folder {Root}: {exception.Message}");
        }
    }
}
