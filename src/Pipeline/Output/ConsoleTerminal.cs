namespace Pipeline.Output;

/// <summary>
/// What a run's standard output and error are: terminals or not, and how wide. A run in its own process asks its
/// console; a run in the resident runner is told the client's (<see cref="Use"/>), since the runner's own streams are
/// not the user's. Colour, line wrapping and the live region are decided from this, never from <see cref="Console"/>.
/// </summary>
internal sealed record ConsoleTerminal(bool OutputIsTerminal, bool ErrorIsTerminal, Func<int> Width)
{
    // One run at a time per resident runner, so a process-wide value is enough; null means "this process's console".
    private static volatile ConsoleTerminal? Told;

    /// <summary>The terminal of the run in progress.</summary>
    public static ConsoleTerminal Current => Told ?? OfThisProcess();

    /// <summary>Makes <paramref name="terminal"/> the run's terminal until the scope is disposed (the resident runner, per run).</summary>
    public static IDisposable Use(ConsoleTerminal terminal)
    {
        Told = terminal;
        return new Scope();
    }

    private static ConsoleTerminal OfThisProcess() => new(!Console.IsOutputRedirected, !Console.IsErrorRedirected, ProcessTerminalWidth);

    /// <summary>The terminal's width now (it may have been resized); 80 where it cannot be read.</summary>
    private static int ProcessTerminalWidth()
    {
        try
        {
            return Console.WindowWidth is > 0 and var width ? width : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }

    private sealed class Scope : IDisposable
    {
        public void Dispose() => Told = null;
    }
}
