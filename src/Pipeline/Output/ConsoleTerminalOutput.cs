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

    /// <summary>
    /// Not <see cref="Console.Out"/> itself: Spectre turns ANSI off for a writer that is the process's standard output
    /// while that is redirected, as the resident runner's is (to its log). Through this writer it decides from the run's
    /// environment (TERM and the like) alone, in its own process as in the runner, so both colour alike.
    /// </summary>
    public TextWriter Writer { get; } = new ForwardingWriter(writer);

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

    private sealed class ForwardingWriter(TextWriter inner) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value) => inner.Write(value);

        public override void Write(string? value) => inner.Write(value);

        public override void Write(ReadOnlySpan<char> buffer) => inner.Write(buffer);

        public override void Write(char[] buffer, int index, int count) => inner.Write(buffer, index, count);

        public override void Flush() => inner.Flush();
    }
}
