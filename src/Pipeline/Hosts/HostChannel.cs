using Pipeline.Secrets;

namespace Pipeline.Hosts;

/// <summary>
/// Carries out a host's <see cref="HostEffect"/>s: protocol lines to standard output (raw ones past the
/// secret masking, so a secret can be registered with the host), appends to the files the host reads,
/// and the host agent's commands. A failing agent command is a warning: talking to the host must never
/// fail the build.
/// </summary>
internal sealed class HostChannel
{
    private readonly Action<string> _printLine;
    private readonly Action<string> _printRaw;
    private readonly SecretMasker _secrets;
    private readonly HashSet<string> _unavailable = new(StringComparer.Ordinal);

    public HostChannel(CiHost host, HostEnvironment environment, SecretMasker secrets, Action<string> printLine, Action<string> printRaw)
    {
        Host = host;
        Environment = environment;
        _secrets = secrets;
        _printLine = printLine;
        _printRaw = printRaw;
    }

    public CiHost Host { get; }

    public HostEnvironment Environment { get; }

    public void Apply(IEnumerable<HostEffect> effects)
    {
        foreach (var effect in effects)
        {
            switch (effect)
            {
                case PrintLine { Raw: true } line:
                    _printRaw(line.Text);
                    break;
                case PrintLine line:
                    _printLine(line.Text);
                    break;
                case AppendToFile append:
                    Append(append);
                    break;
                case RunCommand command:
                    Run(command);
                    break;
                case HostWarning warning:
                    Console.Error.WriteLine($"warning: {warning.Text}");
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(effects), effect, "Unknown host effect.");
            }
        }
    }

    private void Append(AppendToFile append)
    {
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(append.Path)) is { } directory)
            {
                Directory.CreateDirectory(directory);
            }

            File.AppendAllText(append.Path, _secrets.Apply(append.Text));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"warning: could not write {append.Path} for the CI host: {exception.Message}");
        }
    }

    private void Run(RunCommand command)
    {
        // One warning per missing agent, not one per call: a build run outside the agent says it once.
        if (_unavailable.Contains(command.Program))
        {
            return;
        }

        if (BlockingProcess.Run(command.Program, command.Arguments) is not { } result)
        {
            _unavailable.Add(command.Program);
            Console.Error.WriteLine($"warning: {Host.DisplayName}: '{command.Program}' is not available here, so the run cannot talk to the host through it.");
            return;
        }

        if (result.ExitCode != 0)
        {
            var reason = result.StandardError.Trim().Split('\n').FirstOrDefault(line => line.Length > 0)?.Trim();
            Console.Error.WriteLine($"warning: {Host.DisplayName}: '{command.Program} {command.Arguments.FirstOrDefault()}' exited with code {result.ExitCode}{(reason is null ? "." : $": {reason}")}");
        }
    }
}
