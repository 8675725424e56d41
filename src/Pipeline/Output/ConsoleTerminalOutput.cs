using System.Text;
using Spectre.Console;

namespace Pipeline.Output;

/// <summary>
/// Spectre's view of a run's output: whether it is a terminal and how wide, from the run's <see cref="ConsoleTerminal"/>
/// rather than from this process's console (Spectre's own output asks <see cref="Console"/>, which in the resident
/// runner is its log, not the user's terminal).
/// </summary>
internal sealed class ConsoleTerminalOutput(TextWriter writer, ConsoleTerminal terminal) : IAnsiConsoleOutput
{
    // What Spectre's own output falls back to where the console says nothing.
    private const int DefaultHeight = 24;

    public TextWriter Writer => writer;

    public bool IsTerminal => terminal.OutputIsTerminal;

    public int Width => terminal.Width();

    public int Height
    {
        get
        {
            try
            {
                return terminal.OutputIsTerminal && !Console.IsOutputRedirected && Console.WindowHeight is > 0 and var height ? height : DefaultHeight;
            }
            catch (IOException)
            {
                return DefaultHeight;
            }
        }
    }

    // The run's encoding is UTF-8 either way; changing the process's console encoding would replace its writers mid-run.
    public void SetEncoding(Encoding encoding)
    {
    }
}
