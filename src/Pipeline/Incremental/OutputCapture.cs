using System.Text;

namespace Pipeline.Incremental;

/// <summary>
/// Keeps what the bodies of incremental targets print, per target, so a later run that reuses the result can show
/// it again. Fed by the run's console writers (standard output and error, in the order written).
/// </summary>
internal sealed class OutputCapture
{
    private readonly Dictionary<Target, StringBuilder> _captured = [];

    public void Start(Target target)
    {
        lock (_captured)
        {
            _captured[target] = new StringBuilder();
        }
    }

    public void Append(Target target, string text)
    {
        lock (_captured)
        {
            _captured.GetValueOrDefault(target)?.Append(text);
        }
    }

    /// <summary>Stops capturing and returns the complete lines written (a last partial line included).</summary>
    public IReadOnlyList<string> Stop(Target target)
    {
        lock (_captured)
        {
            if (!_captured.Remove(target, out var text))
            {
                return [];
            }

            var lines = text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            return lines[^1].Length == 0 ? lines[..^1] : lines;
        }
    }
}
