using System.Text;

namespace Pipeline.Output.Live;

/// <summary>
/// The terminal both standard output and standard error are written to, with a region of a few lines kept below
/// the scrolling log. Every write first erases the region, then writes the log text, then draws the region again
/// beneath it; while the log's last line is unfinished the region stays away, so it never splits a line. Until
/// <see cref="Start"/> (and after <see cref="Stop"/>) text passes through untouched.
/// <para>
/// Its lock is <c>Console.Out</c>'s own: .NET takes that one for every write to a terminal (and to read its size), and
/// a thread writing the log holds it on its way here, so a lock of our own would deadlock with it. The width is read
/// outside it all the same, by <see cref="Start"/> and <see cref="Tick"/>.
/// </para>
/// </summary>
internal sealed class LiveScreen(TextWriter terminal, Func<int> width)
{
    /// <summary>The start of a terminal control sequence (CSI).</summary>
    private const string Escape = "\u001b[";

    private LiveRegion? _region;
    private int _drawnLines;
    private bool _atLineStart = true;
    private volatile int _width = 80;

    /// <summary>The object .NET locks to write to the terminal: while a run's console is installed, its standard output writer.</summary>
    private static object Gate => Console.Out;

    /// <summary>Shows <paramref name="region"/> below the log from now on.</summary>
    public void Start(LiveRegion region)
    {
        _width = width();
        lock (Gate)
        {
            _region = region;
            Redraw();
        }
    }

    /// <summary>Erases the region for good: what is written next goes where the region was.</summary>
    public void Stop()
    {
        lock (Gate)
        {
            var erase = new StringBuilder();
            Erase(erase);
            Put(erase);
            _region = null;
        }
    }

    /// <summary>Log text for <paramref name="stream"/> (the raw standard output or error), written above the region.</summary>
    /// <param name="target">The target whose body wrote it, if any: the region shows each running target's last line.</param>
    public void Write(TextWriter stream, string text, Target? target)
    {
        lock (Gate)
        {
            if (_region is null)
            {
                stream.Write(text);
                return;
            }

            var erase = new StringBuilder();
            Erase(erase);
            Put(erase);
            stream.Write(text);
            stream.Flush();
            _atLineStart = text.EndsWith('\n');
            if (target is not null)
            {
                _region.Observe(target, text);
            }

            var draw = new StringBuilder();
            Draw(draw);
            Put(draw);
        }
    }

    public void Flush(TextWriter stream)
    {
        lock (Gate)
        {
            stream.Flush();
        }
    }

    /// <summary>The timer: the elapsed times moved, and the terminal may have been resized.</summary>
    public void Tick()
    {
        _width = width();
        Redraw();
    }

    /// <summary>Draws the region again (the timer, a target starting or ending), in one write so it does not flicker.</summary>
    public void Redraw()
    {
        lock (Gate)
        {
            if (_region is null || !_atLineStart)
            {
                return;
            }

            var text = new StringBuilder();
            Erase(text);
            Draw(text);
            Put(text);
        }
    }

    private void Erase(StringBuilder text)
    {
        if (_drawnLines > 0)
        {
            // The cursor sits at the start of the line below the region: up to its first line, erase to the end of the screen.
            text.Append('\r').Append(Escape).Append(_drawnLines).Append('A').Append(Escape).Append('J');
            _drawnLines = 0;
        }
    }

    private void Draw(StringBuilder text)
    {
        if (_region is null || !_atLineStart)
        {
            return;
        }

        foreach (var line in _region.Lines(Math.Max(20, _width)))
        {
            text.Append(line).Append('\n');
            _drawnLines++;
        }
    }

    private void Put(StringBuilder text)
    {
        if (text.Length > 0)
        {
            terminal.Write(text.ToString());
            terminal.Flush();
        }
    }
}
