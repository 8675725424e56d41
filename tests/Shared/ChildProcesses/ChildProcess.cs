using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Pipeline.Testing;

/// <summary>
/// One program (never a shell string) started as a child process, for the tests and the bench harness alike: standard
/// input closed, standard output and error captured as written, the time from start to exit measured, and the whole
/// process tree killed when it outlives its hang guard or is disposed of while still running.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly CancellationTokenSource _stop;
    private readonly StringBuilder _standardOutput = new();
    private readonly StringBuilder _standardError = new();
    private readonly TimeSpan _hangGuard;

    private ChildProcess(Process process, TimeSpan hangGuard, string description)
    {
        _process = process;
        _stop = new CancellationTokenSource(hangGuard);
        _hangGuard = hangGuard;
        Description = description;
    }

    /// <summary>The child's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>
    /// Completes when the child has exited and its output is drained. Throws <see cref="TimeoutException"/>, with
    /// everything the child wrote, when the hang guard ended it.
    /// </summary>
    public Task<ChildProcessResult> Completion { get; private set; } = null!;

    /// <summary>The program, its arguments and its working directory, for messages.</summary>
    public string Description { get; }

    /// <summary>Runs <paramref name="program"/> to its end; see <see cref="Start"/>.</summary>
    public static async Task<ChildProcessResult> RunAsync(
        string program,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? hangGuard = null)
    {
        await using var child = Start(program, arguments, workingDirectory, environment, hangGuard);
        return await child.Completion;
    }

    /// <summary>
    /// Starts <paramref name="program"/> in <paramref name="workingDirectory"/> with this process's environment changed
    /// by <paramref name="environment"/> (a null value unsets a variable). <paramref name="standardErrorLine"/>, when
    /// given, sees each line of standard error as it arrives. Throws <see cref="System.ComponentModel.Win32Exception"/>
    /// when the program cannot be started.
    /// </summary>
    public static ChildProcess Start(
        string program,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? hangGuard = null,
        Action<string>? standardErrorLine = null,
        Action<string>? standardOutputLine = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var description = $"{string.Join(' ', arguments.Prepend(program))} (in {workingDirectory})";
        var child = new ChildProcess(new Process { StartInfo = start }, hangGuard ?? HangGuard.Default, description);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            child._process.Start();
        }
        catch
        {
            child._process.Dispose();
            child._stop.Dispose();
            throw;
        }

        child._process.StandardInput.Close();
        child.Completion = child.CompleteAsync(stopwatch, standardErrorLine, standardOutputLine);
        return child;
    }

    /// <summary>Kills the child's process tree if it is still running; <see cref="Completion"/> then throws <see cref="TimeoutException"/>.</summary>
    public Task KillAsync() => _stop.CancelAsync();

    public async ValueTask DisposeAsync()
    {
        if (!Completion.IsCompleted)
        {
            // Whoever started it gave up early (a failed assertion): never leave the tree running.
            await _stop.CancelAsync();
        }

        try
        {
            await Completion;
        }
        catch (TimeoutException)
        {
            // Reported to whoever awaited Completion, or the caller failed for another reason.
        }

        _stop.Dispose();
        _process.Dispose();
    }

    private async Task<ChildProcessResult> CompleteAsync(Stopwatch stopwatch, Action<string>? standardErrorLine, Action<string>? standardOutputLine)
    {
        var output = DrainAsync(_process.StandardOutput, _standardOutput, standardOutputLine);
        var error = DrainAsync(_process.StandardError, _standardError, standardErrorLine);
        try
        {
            await _process.WaitForExitAsync(_stop.Token);
            await Task.WhenAll(output, error).WaitAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            await _process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException(string.Create(
                CultureInfo.InvariantCulture,
                $"'{Description}' did not exit within {_hangGuard.TotalMinutes} min and was killed.{Environment.NewLine}" +
                $"--- stdout:{Environment.NewLine}{Read(_standardOutput)}{Environment.NewLine}--- stderr:{Environment.NewLine}{Read(_standardError)}"));
        }

        stopwatch.Stop();
        return new ChildProcessResult(_process.ExitCode, stopwatch.Elapsed, Read(_standardOutput), Read(_standardError));
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited in the meantime.
        }
    }

    /// <summary>Copies what the child writes as it comes (no line splitting, so the text stays byte for byte), and hands complete lines to the observer.</summary>
    private static async Task DrainAsync(StreamReader reader, StringBuilder text, Action<string>? lineObserver)
    {
        var buffer = new char[4096];
        var line = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory())) > 0)
        {
            lock (text)
            {
                text.Append(buffer, 0, read);
            }

            if (lineObserver is null)
            {
                continue;
            }

            foreach (var character in buffer.AsSpan(0, read))
            {
                if (character == '\n')
                {
                    lineObserver(line.ToString().TrimEnd('\r'));
                    line.Clear();
                }
                else
                {
                    line.Append(character);
                }
            }
        }

        if (lineObserver is not null && line.Length > 0)
        {
            lineObserver(line.ToString());
        }
    }

    private static string Read(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
