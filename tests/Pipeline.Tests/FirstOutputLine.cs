namespace Pipeline.Tests;

/// <summary>
/// The first line a command writes, as an event (through <see cref="CommandOptions.LogLine"/>), so a test acts as
/// soon as the command has said it instead of polling a file.
/// </summary>
internal sealed class FirstOutputLine
{
    private readonly TaskCompletionSource<string> _said = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<string> Said => _said.Task;

    /// <summary>For <see cref="CommandOptions.LogLine"/>: takes the line and logs nothing.</summary>
    public string? Take(string line)
    {
        _said.TrySetResult(line);
        return null;
    }

    /// <summary>The line as a process id (a command that ran <c>echo $!</c>).</summary>
    public async Task<int> ProcessIdAsync() => int.Parse(await Said, System.Globalization.CultureInfo.InvariantCulture);
}
