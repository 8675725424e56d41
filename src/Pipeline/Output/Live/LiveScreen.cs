using System.Text;

namespace Pipeline.Output.Live;

/// <summary>
/// The terminal both standard output and standard error are written to, with a region of a few lines kept below
/// the scrolling log. Every write first erases the region, then writes the log text, then draws the region again
/// beneath it; while the log's last line is unfinished the region stays away, so it never splits a line. Until
/// <see cref="Start"/> (and after <see cref="Stop"/>) text passes through untouched.
/// </summary>
internal sealed class LiveScreen(TextWriter terminal, Func<int> width)
{
    /// <summary>The start of a terminal control sequence (CSI).</summary>
    private const string Escape = "\u001b[";

    private readonly Lock _lock = new();
    private LiveRegion? _region;
    private int _drawnLines;
    private bool _atLineStart = true;

    /// <summary>Shows <paramref name="region"/> below the log from now on.</summary>
    public void Start(LiveRegion region)
    {
        lock (_lock)
        {
            _region = region;
            Redraw();
        }
    }

    /// <summary>Erases the region for good: what is written next goes where the region was.</summary>
    public void Stop()
    {
        lock (_lock)
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
        lock (_lock)
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
        lock (_lock)
        {
            stream.Flush();
        }
    }

    /// <summary>Draws the region again (the timer, a target starting or ending), in one write so it does not flicker.</summary>
    public void Redraw()
    {
        lock (_lock)
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

        foreach (var line in _region.Lines(Math.Max(20, width())))
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
