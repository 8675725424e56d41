using System.Text;

namespace Pipeline.Secrets;

/// <summary>
/// A writer that masks secrets before text reaches the real console. Complete lines go out as they end and
/// a partial line when flushed, but never a tail that could be the beginning of a secret: that waits until
/// the text after it shows whether it is one. So a secret written in pieces, even with flushes between them
/// as progress output does, is still seen whole and masked.
/// </summary>
internal sealed class MaskingTextWriter(TextWriter inner, SecretMasker masker) : TextWriter
{
    private readonly StringBuilder _pending = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        lock (_pending)
        {
            _pending.Append(value);
            if (value == '\n')
            {
                WritePending(upToLastLineEnd: true);
            }
        }
    }

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        lock (_pending)
        {
            _pending.Append(value);
            if (value.Contains('\n', StringComparison.Ordinal))
            {
                WritePending(upToLastLineEnd: true);
            }
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Write((value ?? string.Empty) + NewLine);

    /// <summary>Writes out the partial line too, except a tail that could begin a secret.</summary>
    public override void Flush()
    {
        lock (_pending)
        {
            WritePending(upToLastLineEnd: false);
            inner.Flush();
        }
    }

    /// <summary>Writes out everything held back, masked: at the end of a run, when nothing more can complete a secret.</summary>
    public void Complete()
    {
        lock (_pending)
        {
            inner.Write(masker.Apply(_pending.ToString()));
            _pending.Clear();
            inner.Flush();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Complete();
        }

        base.Dispose(disposing);
    }

    private void WritePending(bool upToLastLineEnd)
    {
        var text = _pending.ToString();
        var length = masker.WritableLength(text);
        if (upToLastLineEnd)
        {
            length = Math.Min(length, text.LastIndexOf('\n') + 1);
        }

        if (length == 0)
        {
            return;
        }

        inner.Write(masker.Apply(text[..length]));
        _pending.Remove(0, length);
        if (upToLastLineEnd)
        {
            inner.Flush();
        }
    }
}
