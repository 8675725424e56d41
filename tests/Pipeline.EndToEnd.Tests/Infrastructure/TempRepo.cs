namespace Pipeline.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A temporary repository: a fresh folder with <c>build/build.csx</c> written from the test, deleted
/// afterwards. The runner is started in it (or in one of its subfolders) as a user would.
/// </summary>
public sealed class TempRepo : IDisposable
{
    /// <param name="script">The build script; null leaves the folder without one.</param>
    public TempRepo(string? script)
    {
        Root = Directory.CreateTempSubdirectory("pipeline-e2e-").FullName;
        if (script is not null)
        {
            Directory.CreateDirectory(System.IO.Path.Combine(Root, "build"));
            File.WriteAllText(ScriptPath, script);
        }
    }

    public string Root { get; }

    public string ScriptPath => Path("build/build.csx");

    /// <summary>The absolute path of <paramref name="relative"/> (forward slashes allowed) inside the repository.</summary>
    public string Path(string relative) => System.IO.Path.Combine(Root, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public bool Exists(string relative) => File.Exists(Path(relative)) || Directory.Exists(Path(relative));

    public string ReadText(string relative) => File.ReadAllText(Path(relative));

    /// <summary>Creates a folder inside the repository and returns its absolute path.</summary>
    public string CreateFolder(string relative) => Directory.CreateDirectory(Path(relative)).FullName;

    /// <summary>Runs the runner with the repository root as the working directory.</summary>
    public Task<RunnerResult> RunAsync(params string[] arguments) => PipelineRunner.RunAsync(Root, arguments);

    /// <summary>Runs the runner in the repository root with extra environment variables.</summary>
    public Task<RunnerResult> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        PipelineRunner.RunAsync(Root, arguments, environment);

    public void Dispose()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (IOException) when (attempt < 3)
            {
                // A process killed a moment ago may still hold a file open.
                Thread.Sleep(200);
            }
        }
    }
}
