namespace Pipeline.Definition;

/// <summary>
/// Keeps a definition fixed once a run starts: declaring a target, a parameter, an edge or a body from inside a
/// run would change what help, the plan and the next run see, so it is refused.
/// </summary>
internal static class DefinitionGuard
{
    public static void ThrowIfRunning(string what)
    {
        if (RunContext.Current is not null)
        {
            throw new BuildDefinitionException($"{what} belongs to the build's definition: declare it before the run starts, not in a target's body.");
        }
    }
}
