namespace Pipeline.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Starts the real runner as a user would: <c>dotnet Pipeline.Runner.dll [args]</c> in a child process,
/// in a given working directory, with <c>NO_COLOR=1</c> and no inherited <c>PIPELINE_*</c> variables.
/// </summary>
public static class PipelineRunner
{
    /// <summary>How long one runner process may take before it is killed and the test fails: a hang guard, not a measure of speed.</summary>
    public static TimeSpan Timeout => HangGuard.Default;

    /// <summary>The runner the test project's build copied next to the tests.</summary>
    public static string RunnerAssembly { get; } = Path.Combine(AppContext.BaseDirectory, "Pipeline.Runner.dll");

    public static async Task<RunnerResult> RunAsync(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        ResidentRunners? through = null)
    {
        await using var run = Start(workingDirectory, arguments, environment, through: through);
        return await run.Completion;
    }

    /// <summary>
    /// Starts the runner without waiting for it. With <paramref name="restoreDefaultInterrupt"/>, the runner
    /// gets the default SIGINT disposition a user's terminal gives it even when this test process inherited
    /// "ignore SIGINT" (as a background job of a non-interactive shell does): the signal is reset by a tiny
    /// perl wrapper that then execs the runner in the same process, so the pid stays the runner's.
    /// With <paramref name="ownProcessGroup"/>, the same wrapper makes the runner the leader of a new process
    /// group (its id is the runner's pid), which its child processes join: the group a terminal, <c>timeout</c>
    /// or a CI agent signals as a whole.
    /// With <paramref name="through"/>, the build runs as build.sh runs it: through the native client and the resident
    /// runner of that folder (started by the client when there is none).
    /// </summary>
    public static RunningRunner Start(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        bool restoreDefaultInterrupt = false,
        bool ownProcessGroup = false,
        ResidentRunners? through = null)
    {
        Assert.True(File.Exists(RunnerAssembly), $"The runner is missing: {RunnerAssembly}");
        var program = through is null ? DotNetHost.Path : ResidentRunners.Client;
        List<string> programArguments = [RunnerAssembly, .. arguments];
        if (through is not null)
        {
            environment = through.Environment(environment);
        }

        var wrapper = (restoreDefaultInterrupt && ProcessTools.IgnoresInterruptSignal(Environment.ProcessId) ? "$SIG{INT} = 'DEFAULT'; " : string.Empty) +
            (ownProcessGroup ? "setpgrp(0, 0) or die \"setpgrp failed: $!\"; " : string.Empty);
        if (wrapper.Length > 0)
        {
            programArguments = ["-e", wrapper + "exec { $ARGV[0] } @ARGV or die \"exec failed: $!\";", program, .. programArguments];
            program = "perl";
        }

        var cancelling = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var outputLines = new OutputLines();
        var child = ChildProcess.Start(
            program,
            programArguments,
            workingDirectory,
            ChildEnvironment(environment),
            standardErrorLine: line =>
            {
                if (line.StartsWith("Cancelling:", StringComparison.Ordinal))
                {
                    cancelling.TrySetResult();
                }
            },
            standardOutputLine: outputLines.Add);
        return new RunningRunner(child, cancelling.Task) { Output = outputLines };
    }

    /// <summary>One compiled-script cache for this test run, so runs share nothing with the machine's cache.</summary>
    private static readonly Lazy<string> ScriptCache = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("pipeline-e2e-cache-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A runner still holds a file; the OS cleans temp eventually.
            }
        };
        return folder;
    });

    internal static Dictionary<string, string?> ChildEnvironment(IReadOnlyDictionary<string, string?>? overrides)
    {
        // Hermetic: a PIPELINE_SCRIPT or PIPELINE_<PARAMETER> of the machine running the tests must not leak in.
        var variables = InheritedEnvironment.Without("PIPELINE_");
        variables["NO_COLOR"] = "1";
        variables["PIPELINE_CACHE"] = ScriptCache.Value;

        // No resident runner unless a test asks for one (ResidentRunners): a build.sh run must not leave one behind.
        variables["PIPELINE_RUNNER"] = "off";
        foreach (var (name, value) in overrides ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        return variables;
    }
}

/// <summary>A runner process that was started and may still be running.</summary>
public sealed class RunningRunner : IAsyncDisposable
{
    private readonly ChildProcess _child;

    internal RunningRunner(ChildProcess child, Task cancelling)
    {
        _child = child;
        Cancelling = cancelling;
        Completion = CompleteAsync(child);
    }

    /// <summary>The runner's process id (the dotnet host runs the runner in its own process).</summary>
    public int ProcessId => _child.ProcessId;

    public Task<RunnerResult> Completion { get; }

    /// <summary>Completes when the runner says it is cancelling: its first Ctrl+C or SIGTERM was handled.</summary>
    public Task Cancelling { get; }

    /// <summary>Standard output as it arrives.</summary>
    public OutputLines Output { get; internal init; } = new();

    /// <summary>
    /// The first line of standard output containing <paramref name="text"/>, as soon as the runner writes it; fails the
    /// test if the runner ends first.
    /// </summary>
    public async Task<string> SaysAsync(string text)
    {
        var said = Output.SaidAsync(text);
        if (await Task.WhenAny(said, Completion).WaitAsync(PipelineRunner.Timeout) != said)
        {
            Assert.Fail($"The runner ended without saying '{text}'.{Environment.NewLine}{await Completion}");
        }

        return await said;
    }

    /// <summary>Kills the runner and its process tree if it is still running (the test gave up early).</summary>
    public ValueTask DisposeAsync() => _child.DisposeAsync();

    private static async Task<RunnerResult> CompleteAsync(ChildProcess child) => RunnerResult.Of(await child.Completion);
}
