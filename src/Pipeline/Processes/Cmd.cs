using System.Text;
using CliWrap;

namespace Pipeline.Processes;

/// <summary>
/// Runs external programs: a program and an argument list (never a shell string), output streamed to the
/// log and captured, non-zero exit codes turned into failures that show the masked command line, and the
/// whole process tree killed on cancellation or timeout.
/// </summary>
public static class Cmd
{
    /// <summary>Runs a command; throws <see cref="CommandFailedException"/> on a non-zero exit code or a timeout.</summary>
    public static async Task<CommandResult> RunAsync(
        string program,
        IEnumerable<string> arguments,
        CommandOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(program);
        ArgumentNullException.ThrowIfNull(arguments);
        options ??= new CommandOptions();
        var argumentList = arguments.ToList();
        var commandLine = CommandLineText.Format(program, argumentList);
        // By default a command runs at the repository root of its run; outside a run, where the process is.
        var workingDirectory = options.WorkingDirectory ?? RunContext.Current?.Root.FullPath ?? Directory.GetCurrentDirectory();
        var standardOutput = new StringBuilder();
        var standardError = new StringBuilder();
        if (!options.Quiet)
        {
            Console.Out.WriteLine($"> {commandLine}");
        }

        var command = Cli.Wrap(program)
            .WithArguments(argumentList)
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(options.Environment)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => Relay(line, standardOutput, Console.Out, options)))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line => Relay(line, standardError, Console.Error, options)));
        if (options.StandardInput is { } input)
        {
            command = command.WithStandardInputPipe(PipeSource.FromString(input));
        }

        using var timeout = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        if (options.Timeout is { } limit)
        {
            timeout.CancelAfter(limit);
        }

        CliWrap.CommandResult result;
        // A target's processes go on the run's timeline (the report and the trace draw them inside their target).
        var run = RunContext.Current;
        var target = run?.CurrentTarget.Value;
        var started = target is null ? (TimeSpan?)null : run!.Timeline.Now;
        int? exitCode = null;
        try
        {
            // A forceful cancellation kills the entire process tree, not just the direct child.
            result = await command.ExecuteAsync(linked.Token).ConfigureAwait(false);
            exitCode = result.ExitCode;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new CommandFailedException($"Command timed out after {options.Timeout}: {commandLine} (in {workingDirectory})");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new CommandFailedException($"Command could not start ({exception.Message}): {commandLine}", exception);
        }
        catch (InvalidOperationException exception) when (exception.InnerException is System.ComponentModel.Win32Exception)
        {
            throw new CommandFailedException($"Command could not start ({exception.InnerException.Message}): {commandLine}", exception);
        }
        finally
        {
            if (started is { } start)
            {
                run!.Timeline.Record(new(target!, run.Secrets.Apply(commandLine), start, run.Timeline.Now - start, exitCode));
            }
        }

        var outcome = new CommandResult(result.ExitCode, standardOutput.ToString(), standardError.ToString(), result.RunTime);
        if (result.ExitCode != 0 && !options.AllowNonZeroExitCode)
        {
            throw new CommandFailedException($"Command exited with code {result.ExitCode}: {commandLine} (in {workingDirectory})")
            {
                ExitCode = result.ExitCode,
            };
        }

        return outcome;
    }

    /// <summary>Runs a command and returns its trimmed standard output, without echoing it.</summary>
    public static async Task<string> ReadAsync(
        string program,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(program, arguments, new CommandOptions { WorkingDirectory = workingDirectory, Quiet = true }, cancellationToken)
            .ConfigureAwait(false);
        return result.StandardOutput.Trim();
    }

    private static void Relay(string line, StringBuilder capture, TextWriter log, CommandOptions options)
    {
        lock (capture)
        {
            capture.AppendLine(line);
        }

        if (!options.Quiet && (options.LogLine is null ? line : options.LogLine(line)) is { } shown)
        {
            log.WriteLine(shown);
        }
    }
}
