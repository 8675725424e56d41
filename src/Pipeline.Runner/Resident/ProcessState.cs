using System.Collections;
using System.Globalization;
using System.Text;
using Pipeline.Output;
using Pipeline.Resident;

namespace Pipeline.Runner.Resident;

/// <summary>
/// Makes the process look, for one run, like the client's process would have: its environment (and nothing else), its
/// working directory, standard output and error that go to the client, and the client's terminal. Disposing it gives
/// the runner its own back. One run at a time, so process-wide state is the run's own.
/// </summary>
internal sealed class ProcessState : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Dictionary<string, string> _runnerEnvironment;
    private readonly string _runnerDirectory;
    private readonly TextWriter _runnerOutput;
    private readonly TextWriter _runnerError;
    private readonly IDisposable _terminal;
    private volatile int _width;

    private ProcessState(RunRequest request, ClientConnection client)
    {
        _runnerEnvironment = Snapshot();
        _runnerDirectory = Directory.GetCurrentDirectory();
        _runnerOutput = Console.Out;
        _runnerError = Console.Error;
        _width = request.Width;
        Culture = CultureOf(_runnerEnvironment, request.Environment);

        Replace(_runnerEnvironment, request.Environment);
        Directory.SetCurrentDirectory(request.WorkingDirectory);
        Console.SetOut(Writer(client, FrameKind.Output));
        Console.SetError(Writer(client, FrameKind.Error));
        _terminal = ConsoleTerminal.Use(new ConsoleTerminal(request.OutputIsTerminal, request.ErrorIsTerminal, () => _width));
    }

    /// <summary>
    /// Switches to the client's state; throws <see cref="IOException"/> (or <see cref="UnauthorizedAccessException"/>)
    /// when its working directory cannot be entered, with the runner's own state left as it was.
    /// </summary>
    public static ProcessState Enter(RunRequest request, ClientConnection client)
    {
        // Entered first: a folder that is gone fails before anything else changed.
        var runnerDirectory = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(request.WorkingDirectory);
        Directory.SetCurrentDirectory(runnerDirectory);
        return new ProcessState(request, client);
    }

    /// <summary>
    /// The culture a process of the client's would have started with, where its locale variables differ from the
    /// runner's (null: the same, the runner's culture is the client's).
    /// </summary>
    public CultureInfo? Culture { get; }

    /// <summary>The client's terminal was resized (a <see cref="FrameKind.Resize"/> frame).</summary>
    public void Resize(int width) => _width = width;

    public void Dispose()
    {
        _terminal.Dispose();
        Console.Out.Flush();
        Console.Error.Flush();
        Console.SetOut(_runnerOutput);
        Console.SetError(_runnerError);
        Directory.SetCurrentDirectory(_runnerDirectory);
        Replace(Snapshot(), _runnerEnvironment);
    }

    /// <summary>As .NET picks a process's culture on Unix: LC_ALL, else LC_MESSAGES, else LANG ("de_DE.UTF-8" is de-DE; C and POSIX are invariant).</summary>
    private static CultureInfo? CultureOf(Dictionary<string, string> runner, IEnumerable<KeyValuePair<string, string>> client)
    {
        string[] variables = ["LC_ALL", "LC_MESSAGES", "LANG"];
        var clients = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (variable, value) in client)
        {
            if (Array.IndexOf(variables, variable) >= 0)
            {
                clients[variable] = value;
            }
        }

        if (variables.All(variable => runner.GetValueOrDefault(variable) == clients.GetValueOrDefault(variable)))
        {
            return null;
        }

        var locale = variables.Select(clients.GetValueOrDefault).FirstOrDefault(value => !string.IsNullOrEmpty(value));
        var name = locale?.Split('.', '@')[0].Replace('_', '-');
        try
        {
            return name is null or "C" or "POSIX" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    private static StreamWriter Writer(ClientConnection client, FrameKind kind) =>
        new(new FrameStream(client, kind), Utf8, bufferSize: 4096) { AutoFlush = true };

    private static Dictionary<string, string> Snapshot()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            variables[(string)variable.Key] = (string?)variable.Value ?? string.Empty;
        }

        return variables;
    }

    /// <summary>Makes the environment exactly <paramref name="wanted"/>: what it lacks is removed, the rest set.</summary>
    private static void Replace(Dictionary<string, string> current, IEnumerable<KeyValuePair<string, string>> wanted)
    {
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in wanted)
        {
            if (name.Length == 0 || name.Contains('=', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal))
            {
                // No process could have such a variable: nothing to carry over.
                continue;
            }

            keep.Add(name);
            if (!current.TryGetValue(name, out var existing) || existing != value)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        foreach (var name in current.Keys)
        {
            if (!keep.Contains(name))
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }
}
