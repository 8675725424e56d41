using System.Text;

namespace Pipeline.Output;

/// <summary>
/// Drops the spaces at the end of each line. Tables pad every cell to its column's width, which a terminal
/// hides but a log file keeps: hundreds of blanks per line in a CI log or a redirected <c>--help</c>.
/// </summary>
internal sealed class TrailingSpaceTrimmingWriter(TextWriter inner) : TextWriter
{
    // Spaces seen but not yet written: they go out only if something other than a line end follows.
    private int _pendingSpaces;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var text = new StringBuilder(value.Length);
        foreach (var character in value)
        {
            if (character == ' ')
            {
                _pendingSpaces++;
                continue;
            }

            if (character is not ('\n' or '\r'))
            {
                text.Append(' ', _pendingSpaces);
            }

            _pendingSpaces = 0;
            text.Append(character);
        }

        inner.Write(text.ToString());
    }

    public override void WriteLine(string? value) => Write((value ?? string.Empty) + NewLine);

    public override void Flush() => inner.Flush();
}
