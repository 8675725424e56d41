namespace Pipeline.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A folder of resident runners of a test's own (<c>PIPELINE_RUNNER_DIR</c>, mode 0700): builds started through it
/// (<c>PipelineRunner.Start(..., through: runners)</c>) go through the native client, which starts a runner there or
/// reuses the one it started before. Disposing it stops its runners (<c>--stop-runner</c>) and deletes the folder.
/// </summary>
public sealed class ResidentRunners : IAsyncDisposable
{
    public ResidentRunners()
    {
        // Short, under /tmp: a Unix socket's path has room for about 100 bytes.
        Directory = Path.Combine("/tmp", $"pipeline-test-runners-{Guid.NewGuid():N}"[..32]);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The resident runner listens on a Unix domain socket.");
        }

        System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>The native client the test project published (Native AOT, client/pipeline-client).</summary>
    public static string Client { get; } = Path.Combine(AppContext.BaseDirectory, "client", "pipeline-client");

    /// <summary>The folder the client and its runners use.</summary>
    public string Directory { get; }

    /// <summary>The environment of a run through these runners: the test's, with the resident runner on and in this folder.</summary>
    public IReadOnlyDictionary<string, string?> Environment(IReadOnlyDictionary<string, string?>? overrides)
    {
        Assert.True(File.Exists(Client), $"The native client is missing: {Client}");
        var variables = new Dictionary<string, string?>(overrides ?? new Dictionary<string, string?>())
        {
            ["PIPELINE_RUNNER_DIR"] = Directory,
        };

        // On, unless the test asks for another setting (off, a malformed one) to see what the client does with it.
        variables.TryAdd("PIPELINE_RUNNER", "on");

        // A runner of a test that failed half-way must not linger for the default ten minutes.
        variables.TryAdd("PIPELINE_RUNNER_IDLE", "2m");
        return variables;
    }

    /// <summary>The sockets of the runners listening now.</summary>
    public IReadOnlyList<string> Sockets => System.IO.Directory.Exists(Directory) ? System.IO.Directory.GetFiles(Directory, "*.sock") : [];

    public async ValueTask DisposeAsync()
    {
        try
        {
            await PipelineRunner.RunAsync(Directory, ["--stop-runner"], through: this);
        }
        finally
        {
            try
            {
                // The runners' own logs outlive the folder, for a failed test to be read after the run.
                var logs = System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "pipeline-test-runner-logs", Path.GetFileName(Directory))).FullName;
                foreach (var log in System.IO.Directory.GetFiles(Directory, "*.log"))
                {
                    File.Copy(log, Path.Combine(logs, Path.GetFileName(log)), overwrite: true);
                }

                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A runner that did not stop yet still writes its log; the folder goes with /tmp.
            }
        }
    }
}
