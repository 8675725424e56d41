using System.Text;

namespace Pipeline.Output.Live;

/// <summary>Output lines made safe for the live region: one line, no control sequences, no wider than the screen.</summary>
internal static class TerminalText
{
    private const char Escape = '\u001b';

    /// <summary>
    /// What the line shows: colour and cursor sequences dropped (they would move the region's cursor), the text after
    /// the last carriage return (a progress bar redraws its line that way), other control characters as spaces.
    /// </summary>
    public static string Plain(string line)
    {
        var text = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == Escape)
            {
                i = EndOfSequence(line, i);
            }
            else if (c == '\r')
            {
                // Keep what the terminal would show: the text written after the last return, unless that is nothing.
                if (line.AsSpan(i + 1).Trim().Length > 0)
                {
                    text.Clear();
                }
            }
            else
            {
                text.Append(char.IsControl(c) ? ' ' : c);
            }
        }

        return text.ToString();
    }

    /// <summary><paramref name="text"/> cut to at most <paramref name="width"/> characters, ending in '…' when cut.</summary>
    public static string Fit(string text, int width) =>
        width <= 0 ? string.Empty
        : text.Length <= width ? text
        : text[..(width - 1)] + "…";

    /// <summary>The index of the last character of the escape sequence starting at <paramref name="start"/>.</summary>
    private static int EndOfSequence(string line, int start)
    {
        if (start + 1 >= line.Length)
        {
            return start;
        }

        var kind = line[start + 1];
        if (kind == '[')
        {
            // CSI: parameters and intermediates, then one final byte from '@' to '~'.
            var i = start + 2;
            while (i < line.Length && line[i] is < '@' or > '~')
            {
                i++;
            }

            return Math.Min(i, line.Length - 1);
        }

        if (kind == ']')
        {
            // OSC (a window title, a hyperlink): ends with BEL or ESC \.
            for (var i = start + 2; i < line.Length; i++)
            {
                if (line[i] == '\a')
                {
                    return i;
                }

                if (line[i] == Escape && i + 1 < line.Length && line[i + 1] == '\\')
                {
                    return i + 1;
                }
            }

            return line.Length - 1;
        }

        return start + 1;
    }
}
