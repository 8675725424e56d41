namespace Pipeline.Bench;

/// <summary>
/// Start-up through the native client and the resident runner (PIPELINE_RUNNER=on), against the floor: warm
/// <c>./build.sh Noop</c> and <c>./build.sh --help</c> served by a runner that is already up, and the first run, which has
/// to start one. The runners live in folders of the harness's own (PIPELINE_RUNNER_DIR), stopped when it is done.
/// </summary>
internal sealed class ResidentRunnerBenchmarks(Scratch scratch, HelloFloor floor, TemplateRepository repository, BenchOptions options) : IAsyncDisposable
{
    private static readonly TimeSpan StopDeadline = TimeSpan.FromMinutes(1);

    // Short and under /tmp, not in the scratch folder: a Unix socket's path has room for about 100 bytes.
    private readonly string _root = Path.Combine("/tmp", $"pipeline-bench-{Guid.NewGuid():N}"[..23]);

    private string WarmFolder => Path.Combine(_root, "warm");

    /// <summary>Warm no-op runs: the first run starts the runner, the warm-ups warm it, then pairs with the floor.</summary>
    public Task<PairedRuns> WarmNoopAsync() => WarmAsync(repository.NoopCommand, TemplateRepository.CheckNoop);

    /// <summary>Warm --help runs, served by the same runner as the warm no-op runs.</summary>
    public Task<PairedRuns> WarmHelpAsync() => WarmAsync(repository.HelpCommand, CheckHelp);

    /// <summary>
    /// Runs that find no runner and start one: each round has a new runner folder, so the client finds no socket,
    /// starts the runner and waits for it; the script cache is warm. The runner is stopped after each round.
    /// </summary>
    public Task<PairedRuns> FirstRunAsync() =>
        PairedRuns.MeasureAsync(options.ColdRuns, _ => FloorAsync(), async round =>
        {
            var folder = NewFolder($"first-{round}");
            var elapsed = await RunAsync(repository.NoopCommand, folder, TemplateRepository.CheckNoop);
            await StopAsync(folder);
            return elapsed;
        });

    /// <summary>Stops every runner the harness started and deletes their folders.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!Directory.Exists(_root))
        {
            return;
        }

        foreach (var folder in Directory.GetDirectories(_root))
        {
            try
            {
                await StopAsync(folder);
            }
            catch (MeasurementException exception)
            {
                Console.Error.WriteLine($"bench: {exception.Message}");
            }
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException exception)
        {
            Console.Error.WriteLine($"bench: could not delete the runner folder {_root}: {exception.Message}");
        }
    }

    private static void CheckHelp(ChildProcessResult result, string what)
    {
        if (result.ExitCode != 0 || !result.StandardOutput.StartsWith("Usage: ./build.sh", StringComparison.Ordinal) || !result.StandardOutput.Contains("Package (default)", StringComparison.Ordinal))
        {
            throw new MeasurementException($"{what}: ./build.sh --help did not print the usage and the template's targets: {result.Describe()}");
        }
    }

    private async Task<PairedRuns> WarmAsync((string Program, string[] Arguments) command, Action<ChildProcessResult, string> check)
    {
        if (!Directory.Exists(WarmFolder))
        {
            NewFolder("warm");
        }

        // The first run of a folder starts its runner; checked to have gone through it, then warm-ups and measured pairs.
        await RunAsync(command, WarmFolder, check);
        for (var i = 0; i < options.WarmUps; i++)
        {
            await RunAsync(command, WarmFolder, check);
        }

        return await PairedRuns.MeasureAsync(options.WarmRuns, _ => FloorAsync(), _ => RunAsync(command, WarmFolder, check));
    }

    private async Task<TimeSpan> RunAsync((string Program, string[] Arguments) command, string runnerFolder, Action<ChildProcessResult, string> check)
    {
        var result = await BenchProcess.RunAsync(command.Program, command.Arguments, repository.Root, scratch.ResidentEnvironment(runnerFolder), HangGuard.Default);
        check(result, "A run through the resident runner");
        if (Sockets(runnerFolder).Length == 0)
        {
            throw new MeasurementException(
                $"A run with PIPELINE_RUNNER=on left no runner listening in {runnerFolder}: build.sh did not start the native client " +
                $"(is there a pipeline-client in {repository.RestoredToolFolder}?). {result.Describe()}");
        }

        return result.Elapsed;
    }

    private async Task<TimeSpan> FloorAsync()
    {
        var (program, arguments) = floor.Command;
        var result = await BenchProcess.RunAsync(program, arguments, floor.Folder, scratch.Environment(), HangGuard.Default);
        return result.ExitCode == 0 ? result.Elapsed : throw new MeasurementException($"A floor run failed: {result.Describe()}");
    }

    /// <summary>
    /// Stops the runner of <paramref name="runnerFolder"/> with the client's own command and waits until its socket is gone,
    /// so a stopping runner never competes with the next measured run.
    /// </summary>
    private async Task StopAsync(string runnerFolder)
    {
        var client = Path.Combine(repository.RestoredToolFolder, "pipeline-client");
        var runner = Path.Combine(repository.RestoredToolFolder, "Pipeline.Runner.dll");
        if (Sockets(runnerFolder).Length == 0 || !File.Exists(client))
        {
            return;
        }

        await BenchProcess.RunSuccessfullyAsync(client, [runner, "--stop-runner"], repository.Root, scratch.ResidentEnvironment(runnerFolder), HangGuard.Default);
        var deadline = DateTime.UtcNow + StopDeadline;
        while (Sockets(runnerFolder).Length > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new MeasurementException($"The resident runner of {runnerFolder} did not remove its socket within {StopDeadline.TotalSeconds:0} s of --stop-runner.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    private string NewFolder(string name)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new MeasurementException("The resident runner listens on a Unix domain socket: not on Windows.");
        }

        var folder = Path.Combine(_root, name);
        Directory.CreateDirectory(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return folder;
    }

    private static string[] Sockets(string runnerFolder) => Directory.Exists(runnerFolder) ? Directory.GetFiles(runnerFolder, "runner-*.sock") : [];
}
