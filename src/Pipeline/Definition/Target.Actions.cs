namespace Pipeline;

public sealed partial class Target
{
    private readonly List<Func<CancellationToken, Task>> _actions = [];

    internal IReadOnlyList<Func<CancellationToken, Task>> Actions => _actions;

    /// <summary>Adds a synchronous body. Several bodies run in the order they were added.</summary>
    public Target Executes(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return AddAction(_ =>
        {
            action();
            return Task.CompletedTask;
        });
    }

    /// <summary>Adds a synchronous body that observes cancellation (Ctrl+C).</summary>
    public Target Executes(Action<CancellationToken> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return AddAction(token =>
        {
            action(token);
            return Task.CompletedTask;
        });
    }

    /// <summary>Adds an asynchronous body.</summary>
    public Target Executes(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return AddAction(_ => action());
    }

    /// <summary>Adds an asynchronous body that observes cancellation (Ctrl+C).</summary>
    public Target Executes(Func<CancellationToken, Task> action) => AddAction(action);

    private Target AddAction(Func<CancellationToken, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _actions.Add(action);
        return this;
    }
}
