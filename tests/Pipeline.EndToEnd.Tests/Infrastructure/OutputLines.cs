namespace Pipeline.EndToEnd.Tests.Infrastructure;

/// <summary>A running runner's standard output lines as they arrive, so a test can act once the runner has said something.</summary>
public sealed class OutputLines
{
    private readonly List<string> _lines = [];
    private readonly List<(string Text, TaskCompletionSource<string> Said)> _waiting = [];

    internal void Add(string line)
    {
        lock (_lines)
        {
            _lines.Add(line);
            foreach (var waiter in _waiting.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                _waiting.Remove(waiter);
                waiter.Said.TrySetResult(line);
            }
        }
    }

    /// <summary>The first line containing <paramref name="text"/>, once it is written (at once if it was already).</summary>
    public Task<string> SaidAsync(string text)
    {
        lock (_lines)
        {
            if (_lines.FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal)) is { } said)
            {
                return Task.FromResult(said);
            }

            var waiter = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((text, waiter));
            return waiter.Task;
        }
    }
}
