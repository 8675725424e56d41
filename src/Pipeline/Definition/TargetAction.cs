namespace Pipeline.Definition;

/// <summary>One body of a target, and where it was declared.</summary>
/// <param name="DeclaredAt">
/// The <c>Executes</c> call: the place a failure is shown at when its exception never passed through a
/// script line, as when an expression-bodied lambda returns a task that fails afterwards. Null for the
/// bodies Pipeline adds itself (a deployment).
/// </param>
internal sealed record TargetAction(Func<RunContext, CancellationToken, Task> Run, CallSite? DeclaredAt)
{
    /// <summary>
    /// Runs the body. A returned task that failed several times over (<c>Task.WhenAll</c>) throws all of its
    /// exceptions, where <c>await</c> would throw only the first. Not after cancellation, which the first
    /// exception tells the executor about.
    /// </summary>
    public async Task ExecuteAsync(RunContext run, CancellationToken cancellation)
    {
        var task = Run(run, cancellation);
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception) when (!cancellation.IsCancellationRequested && task.Exception is { InnerExceptions.Count: > 1 } every)
        {
            throw every;
        }
    }
}

/// <summary>A file (absolute, as the compiler saw it) and a 1-based line; 0 when the compiler gave none.</summary>
internal sealed record CallSite(string Path, int Line);
