using System.Runtime.CompilerServices;

namespace Pipeline.Definition;

public sealed partial class Target
{
    private readonly List<TargetAction> _actions = [];

    internal IReadOnlyList<TargetAction> Actions => _actions;

    // The caller's file and line are filled in by the compiler (for a script: build/build.csx or the #load'ed file).
    // Nobody passes them, so the overloads never compete over them (RS0026 guards against that).
#pragma warning disable RS0026

    /// <summary>Adds a synchronous body. Several bodies run in the order they were added.</summary>
    public Target Executes(Action action, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(action);
        return AddAction(
            (_, _) =>
            {
                action();
                return Task.CompletedTask;
            },
            new CallSite(callerFile, callerLine));
    }

    /// <summary>Adds a synchronous body that observes cancellation (Ctrl+C).</summary>
    public Target Executes(Action<CancellationToken> action, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(action);
        return AddAction(
            (_, token) =>
            {
                action(token);
                return Task.CompletedTask;
            },
            new CallSite(callerFile, callerLine));
    }

    /// <summary>Adds a synchronous body that receives its run (host, identity, version, clock, outputs).</summary>
    public Target Executes(Action<RunContext, CancellationToken> action, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(action);
        return AddAction(
            (run, token) =>
            {
                action(run, token);
                return Task.CompletedTask;
            },
            new CallSite(callerFile, callerLine));
    }

    /// <summary>Adds an asynchronous body.</summary>
    public Target Executes(Func<Task> action, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(action);
        return AddAction((_, _) => action(), new CallSite(callerFile, callerLine));
    }

    /// <summary>Adds an asynchronous body that observes cancellation (Ctrl+C).</summary>
    public Target Executes(Func<CancellationToken, Task> action, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(action);
        return AddAction((_, token) => action(token), new CallSite(callerFile, callerLine));
    }

    /// <summary>Adds an asynchronous body that receives its run (host, identity, version, clock, outputs).</summary>
    public Target Executes(Func<RunContext, CancellationToken, Task> action, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(action);
        return AddAction(action, new CallSite(callerFile, callerLine));
    }

#pragma warning restore RS0026

    private Target AddAction(Func<RunContext, CancellationToken, Task> action, CallSite? declaredAt = null)
    {
        DefinitionGuard.ThrowIfRunning($"A body of target '{Name}'");
        _actions.Add(new TargetAction(action, declaredAt));
        return this;
    }
}
