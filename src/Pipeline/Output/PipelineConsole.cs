using Pipeline.Execution;
using Pipeline.Output.Live;
using Pipeline.Secrets;
using Spectre.Console;

namespace Pipeline.Output;

/// <summary>
/// The console of one run: while it is installed, standard output and error pass through target labelling and
/// the run's secret masking, and a Spectre console writes on top with colour only on a terminal. Disposing it
/// writes out what was held back and gives the process its own writers back.
/// </summary>
internal sealed class PipelineConsole : IDisposable
{
    /// <summary>The width given to redirected output: wider than any line a build prints.</summary>
    internal const int UnwrappedWidth = 10_000;

    private readonly TextWriter _rawOutput;
    private readonly TextWriter _rawError;
    private readonly TextWriter _terminalOutput;

    private PipelineConsole(TargetLabellingWriter output, TargetLabellingWriter error, IAnsiConsole ansi, TextWriter rawOutput, TextWriter rawError, TextWriter terminalOutput)
    {
        _rawOutput = rawOutput;
        _rawError = rawError;
        _terminalOutput = terminalOutput;
        Output = output;
        Error = error;
        Ansi = ansi;
    }

    public IAnsiConsole Ansi { get; }

    public TargetLabellingWriter Output { get; }

    public TargetLabellingWriter Error { get; }

    /// <summary>
    /// The terminal with room for a live region below the log: null when either stream is redirected or <c>NO_COLOR</c>
    /// is set, so that output is never touched. Until a region is started on it, text passes through unchanged.
    /// </summary>
    public LiveScreen? Screen { get; private init; }

    /// <summary>Labels lines with their target's name while targets run concurrently.</summary>
    public bool LabelLines
    {
        set
        {
            Output.LabelLines = value;
            Error.LabelLines = value;
        }
    }

    /// <param name="noColor">Whether <c>NO_COLOR</c> is set in the run's environment.</param>
    public static PipelineConsole Install(SecretMasker secrets, CurrentTarget currentTarget, bool noColor, Incremental.OutputCapture? capture = null)
    {
        var rawOutput = Console.Out;
        var rawError = Console.Error;
        var terminal = ConsoleTerminal.Current;
        var redirected = !terminal.OutputIsTerminal;
        var screen = terminal.OutputIsTerminal && terminal.ErrorIsTerminal && !noColor ? new LiveScreen(rawOutput, terminal.Width) : null;
        var terminalOutput = screen is null ? rawOutput : new LiveTerminalWriter(screen, rawOutput, currentTarget);
        var terminalError = screen is null ? rawError : new LiveTerminalWriter(screen, rawError, currentTarget);
        var output = new TargetLabellingWriter(new MaskingTextWriter(terminalOutput, secrets), currentTarget, capture);
        var error = new TargetLabellingWriter(new MaskingTextWriter(terminalError, secrets), currentTarget, capture);
        Console.SetOut(output);
        Console.SetError(error);

        var plain = redirected || noColor;
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
            Out = redirected ? new AnsiConsoleOutput(new TrailingSpaceTrimmingWriter(Console.Out)) : new ConsoleTerminalOutput(Console.Out, terminal),

            // Spectre turns colour back on for CI logs that render it (GitHub, GitLab, Azure…), except when NO_COLOR asks otherwise.
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = !noColor },
        });
        if (redirected)
        {
            // Logs are not a window: never wrap a line (a failure's "(at build/build.csx:line N)" would land on a
            // line of its own). Tables size to their content, so a wide profile does not widen them.
            ansi.Profile.Width = UnwrappedWidth;
        }

        return new PipelineConsole(output, error, ansi, rawOutput, rawError, terminalOutput) { Screen = screen };
    }

    /// <summary>
    /// Writes a line past the secret masking: only for CI host protocol lines that register a secret, which
    /// the host itself hides. Pending masked output goes first, so lines keep their order.
    /// </summary>
    public void WriteRaw(string line)
    {
        Output.Flush();
        _terminalOutput.WriteLine(line);
        _terminalOutput.Flush();
    }

    /// <summary>Writes out anything held back (partial lines, a tail that could have begun a secret) at the end of a run.</summary>
    public void Flush()
    {
        Output.Complete();
        Error.Complete();
    }

    /// <summary>Writes out everything held back and puts the process's own writers back.</summary>
    public void Dispose()
    {
        Screen?.Stop();
        Flush();
        Console.SetOut(_rawOutput);
        Console.SetError(_rawError);
    }
}
