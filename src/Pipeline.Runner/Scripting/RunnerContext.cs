using Pipeline.Hosts;

namespace Pipeline.Runner.Scripting;

/// <summary>
/// What the runner reads from the process once, at its entry point, and hands to whatever loads the script:
/// the cache folder, tracing, and the environment variables (for the CI host of compile-error annotations).
/// </summary>
internal sealed record RunnerContext(CacheRoot Cache, RunnerTrace Trace, HostEnvironment Environment);
