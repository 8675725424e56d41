using System.Collections;
using System.Globalization;
using System.Text;
using CliWrap;

namespace Pipeline.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Starts the real runner as a user would: <c>dotnet Pipeline.Runner.dll [args]</c> in a child process,
/// in a given working directory, with <c>NO_COLOR=1</c> and no inherited <c>PIPELINE_*</c> variables.
/// </summary>
public static class PipelineRunner
{
    /// <summary>
    /// How long one runner process may take before it is killed and the test fails: a guard against a hang, not
    /// a measure of speed, so generous enough for a real pack on a shared two-core machine under a parallel test run.
    /// </summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The runner the test project's build copied next to the tests.</summary>
    public static string RunnerAssembly { get; } = Path.Combine(AppContext.BaseDirectory, "Pipeline.Runner.dll");

    private static readonly Lazy<string> DotNetHost = new(FindDotNetHost);

    public static async Task<RunnerResult> RunAsync(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        await using var run = Start(workingDirectory, arguments, environment);
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
    /// </summary>
    public static RunningRunner Start(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        bool restoreDefaultInterrupt = false,
        bool ownProcessGroup = false)
    {
        Assert.True(File.Exists(RunnerAssembly), $"The runner is missing: {RunnerAssembly}");
        var program = DotNetHost.Value;
        List<string> programArguments = [RunnerAssembly, .. arguments];
        var wrapper = (restoreDefaultInterrupt && ProcessTools.IgnoresInterruptSignal(Environment.ProcessId) ? "$SIG{INT} = 'DEFAULT'; " : string.Empty) +
            (ownProcessGroup ? "setpgrp(0, 0) or die \"setpgrp failed: $!\"; " : string.Empty);
        if (wrapper.Length > 0)
        {
            programArguments = ["-e", wrapper + "exec { $ARGV[0] } @ARGV or die \"exec failed: $!\";", program, .. programArguments];
            program = "perl";
        }

        var standardOutput = new StringBuilder();
        var standardError = new StringBuilder();
        var cancelling = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var outputLines = new OutputLines();
        var command = Cli.Wrap(program)
            .WithArguments(programArguments)
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(ChildEnvironment(environment))
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.Merge(PipeTarget.ToStringBuilder(standardOutput), PipeTarget.ToDelegate(outputLines.Add)))
            .WithStandardErrorPipe(PipeTarget.Merge(
                PipeTarget.ToStringBuilder(standardError),
                PipeTarget.ToDelegate(line =>
                {
                    if (line.StartsWith("Cancelling:", StringComparison.Ordinal))
                    {
                        cancelling.TrySetResult();
                    }
                })));
        var description = $"dotnet Pipeline.Runner.dll {string.Join(' ', arguments)} (in {workingDirectory})";
        return new RunningRunner(command, standardOutput, standardError, description, cancelling.Task) { Output = outputLines };
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

    private static Dictionary<string, string?> ChildEnvironment(IReadOnlyDictionary<string, string?>? overrides)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);

        // Hermetic: a PIPELINE_SCRIPT or PIPELINE_<PARAMETER> of the machine running the tests must not leak in.
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && name.StartsWith("PIPELINE_", StringComparison.OrdinalIgnoreCase))
            {
                variables[name] = null;
            }
        }

        variables["NO_COLOR"] = "1";
        variables["PIPELINE_CACHE"] = ScriptCache.Value;
        foreach (var (name, value) in overrides ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        return variables;
    }

    private static string FindDotNetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        // The test host itself usually runs as "dotnet testhost.dll".
        if (Environment.ProcessPath is { } current &&
            string.Equals(Path.GetFileNameWithoutExtension(current), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        return "dotnet";
    }
}

/// <summary>A runner process that was started and may still be running.</summary>
public sealed class RunningRunner : IAsyncDisposable
{
    private readonly CancellationTokenSource _timeout = new(PipelineRunner.Timeout);

    internal RunningRunner(Command command, StringBuilder standardOutput, StringBuilder standardError, string description, Task cancelling)
    {
        Cancelling = cancelling;
        var task = command.ExecuteAsync(_timeout.Token);
        ProcessId = task.ProcessId;
        Completion = CompleteAsync(task, standardOutput, standardError, description);
    }

    /// <summary>The runner's process id (the dotnet host runs the runner in its own process).</summary>
    public int ProcessId { get; }

    public Task<RunnerResult> Completion { get; }

    /// <summary>Completes when the runner says it is cancelling: its first Ctrl+C or SIGTERM was handled.</summary>
    public Task Cancelling { get; }

    /// <summary>Standard output as it arrives.</summary>
    public OutputLines Output { get; internal init; } = new();

    public async ValueTask DisposeAsync()
    {
        if (!Completion.IsCompleted)
        {
            // The test gave up early: kill the runner and its process tree.
            await _timeout.CancelAsync();
        }

        try
        {
            await Completion;
        }
        catch (TimeoutException)
        {
            // Already reported by whoever awaited Completion, or the test failed for another reason.
        }

        _timeout.Dispose();
    }

    private async Task<RunnerResult> CompleteAsync(
        CommandTask<CliWrap.CommandResult> task,
        StringBuilder standardOutput,
        StringBuilder standardError,
        string description)
    {
        try
        {
            var result = await task;
            return new RunnerResult(result.ExitCode, standardOutput.ToString(), standardError.ToString());
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException(string.Create(
                CultureInfo.InvariantCulture,
                $"The runner did not exit within {PipelineRunner.Timeout.TotalSeconds} s and was killed: {description}{Environment.NewLine}" +
                $"--- stdout:{Environment.NewLine}{standardOutput}{Environment.NewLine}--- stderr:{Environment.NewLine}{standardError}"));
        }
    }
}
