using System.Text;

namespace Pipeline.Secrets;

/// <summary>
/// A writer that masks secrets before text reaches the real console. It holds back each line until it is
/// complete, so a secret written in pieces is still seen whole.
/// </summary>
internal sealed class MaskingTextWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        lock (_line)
        {
            _line.Append(value);
            if (value == '\n')
            {
                FlushLine();
            }
        }
    }

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        lock (_line)
        {
            _line.Append(value);
            if (value.Contains('\n', StringComparison.Ordinal))
            {
                FlushLine();
            }
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Write((value ?? string.Empty) + NewLine);

    /// <summary>Writes out a pending partial line too: called at the end of a run.</summary>
    public override void Flush()
    {
        lock (_line)
        {
            FlushLine(includePartial: true);
            inner.Flush();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private void FlushLine(bool includePartial = false)
    {
        var text = _line.ToString();
        var end = includePartial ? text.Length : text.LastIndexOf('\n') + 1;
        if (end == 0)
        {
            return;
        }

        inner.Write(SecretMasker.Apply(text[..end]));
        _line.Remove(0, end);
        if (!includePartial)
        {
            inner.Flush();
        }
    }
}
