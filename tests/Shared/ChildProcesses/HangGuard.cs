namespace Pipeline.Testing;

/// <summary>
/// How long a child process, or a wait for something to happen, may take before it is given up: guards against a
/// hang, never a measure of speed. Generous, because a correct build on a shared two-core machine under a parallel
/// test run can be many times slower than on a quiet one; a wait that succeeds returns as soon as it does.
/// </summary>
internal static class HangGuard
{
    /// <summary>One child process (the runner, git, dotnet new, a restore, a pack), or one wait for a condition.</summary>
    public static TimeSpan Default { get; } = TimeSpan.FromMinutes(5);

    /// <summary>A build from nothing: this repository's runner published and its solution compiled, or every package packed.</summary>
    public static TimeSpan ColdBuild { get; } = TimeSpan.FromMinutes(15);
}
