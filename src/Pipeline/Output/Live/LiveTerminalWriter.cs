using System.Text;
using Pipeline.Execution;

namespace Pipeline.Output.Live;

/// <summary>Standard output or error of a terminal, written through the <see cref="LiveScreen"/> so it lands above the live region.</summary>
internal sealed class LiveTerminalWriter(LiveScreen screen, TextWriter stream, CurrentTarget current) : TextWriter
{
    public override Encoding Encoding => stream.Encoding;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Write((value ?? string.Empty) + NewLine);

    public override void Write(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            screen.Write(stream, value, current.Value);
        }
    }

    public override void Flush() => screen.Flush(stream);
}
