using Pipeline.Running;

namespace Pipeline;

public partial class Build
{
    /// <summary>
    /// Runs what the command line asks for and returns the exit code (see <see cref="ExitCodes"/>).
    /// Parameters come from the command line, then their environment variables, then their defaults.
    /// </summary>
    public Task<int> RunAsync(IReadOnlyList<string> args) =>
        BuildInvocation.RunAsync(this, args, Environment.GetEnvironmentVariable);
}
