using System.Text;
using Pipeline.Execution;
using Pipeline.Secrets;

namespace Pipeline.Output;

/// <summary>
/// Keeps the output of concurrent targets readable: while targets run in parallel, every complete line a
/// target writes is prefixed with its name, and lines of different targets never interleave mid-line.
/// Sequential runs pass text straight through.
/// </summary>
internal sealed class TargetLabellingWriter(TextWriter inner, CurrentTarget current, Incremental.OutputCapture? capture = null) : TextWriter
{
    private readonly Dictionary<Target, StringBuilder> _pending = [];

    /// <summary>Set while more than one target may run at a time.</summary>
    public bool LabelLines { get; set; }

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Write((value ?? string.Empty) + NewLine);

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var target = current.Value;
        if (target is not null)
        {
            capture?.Append(target, value);
        }

        lock (_pending)
        {
            if (!LabelLines || target is null)
            {
                inner.Write(value);
                return;
            }

            if (!_pending.TryGetValue(target, out var line))
            {
                _pending[target] = line = new StringBuilder();
            }

            line.Append(value);
            var text = line.ToString();
            var end = text.LastIndexOf('\n') + 1;
            if (end == 0)
            {
                return;
            }

            foreach (var complete in text[..end].Split('\n')[..^1])
            {
                inner.Write($"[{target.Name}] {complete.TrimEnd('\r')}{NewLine}");
            }

            line.Remove(0, end);
        }
    }

    /// <summary>
    /// Passes a flush on without cutting a labelled partial line short: that would end the line mid-word, and a
    /// secret written in two pieces around the flush would reach the masking as two lines.
    /// </summary>
    public override void Flush()
    {
        lock (_pending)
        {
            inner.Flush();
        }
    }

    /// <summary>Writes out every target's partial line, labelled, then whatever the writer below holds back: at the end of a run.</summary>
    public void Complete()
    {
        lock (_pending)
        {
            foreach (var (target, line) in _pending.Where(p => p.Value.Length > 0))
            {
                inner.Write($"[{target.Name}] {line}{NewLine}");
                line.Clear();
            }

            if (inner is MaskingTextWriter masking)
            {
                masking.Complete();
            }
            else
            {
                inner.Flush();
            }
        }
    }
}
