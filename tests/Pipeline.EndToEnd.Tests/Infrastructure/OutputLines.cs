namespace Pipeline.EndToEnd.Tests.Infrastructure;

/// <summary>A running runner's standard output lines as they arrive, so a test can act once the runner has said something.</summary>
public sealed class OutputLines
{
    private readonly List<string> _lines = [];
    private readonly List<(string Text, TaskCompletionSource Said)> _waiting = [];

    internal void Add(string line)
    {
        lock (_lines)
        {
            _lines.Add(line);
            foreach (var waiter in _waiting.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                _waiting.Remove(waiter);
                waiter.Said.TrySetResult();
            }
        }
    }

    /// <summary>Completes once a line containing <paramref name="text"/> was written (at once if one was already).</summary>
    public Task SaidAsync(string text)
    {
        lock (_lines)
        {
            if (_lines.Any(line => line.Contains(text, StringComparison.Ordinal)))
            {
                return Task.CompletedTask;
            }

            var said = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((text, said));
            return said.Task;
        }
    }
}
