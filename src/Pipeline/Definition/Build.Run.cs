namespace Pipeline.Definition;

public partial class Build
{
    /// <summary>
    /// Runs what the command line asks for and returns the exit code (see <see cref="ExitCodes"/>).
    /// Parameters come from the command line, then their environment variables, then their defaults.
    /// Each call is a run of its own (<see cref="RunContext"/>); the build itself does not change.
    /// </summary>
    public Task<int> RunAsync(IReadOnlyList<string> args) =>
        BuildInvocation.RunAsync(this, args, Environment.GetEnvironmentVariable, TimeProvider.System);
}
