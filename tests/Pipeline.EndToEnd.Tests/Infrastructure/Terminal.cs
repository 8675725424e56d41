namespace Pipeline.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Runs a program as a user would from a terminal (dotnet, git, bash, ./build.sh), captures what it writes and
/// fails the test with all of it when the program outlives its hang guard.
/// </summary>
public static class Terminal
{
    public static async Task<RunnerResult> RunAsync(
        string program,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        TimeSpan? hangGuard = null) =>
        RunnerResult.Of(await ChildProcess.RunAsync(program, arguments, workingDirectory, UsersEnvironment(environment), hangGuard));

    /// <summary>Runs the program and fails the test, showing everything it wrote, unless it exits with 0.</summary>
    public static async Task<RunnerResult> RunSuccessfullyAsync(
        string program,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        TimeSpan? hangGuard = null)
    {
        var result = await RunAsync(program, arguments, workingDirectory, environment, hangGuard);
        Assert.True(
            result.ExitCode == 0,
            $"'{program} {string.Join(' ', arguments)}' (in {workingDirectory}) failed.{Environment.NewLine}{result}");
        return result;
    }

    /// <summary>
    /// The environment a user's terminal would give: none of this machine's <c>PIPELINE_*</c> parameters, and
    /// none of the MSBuild and test-platform variables that <c>dotnet test</c> sets for the process running these
    /// tests (they would steer the builds and test runs started here). Then the test's own variables.
    /// </summary>
    private static Dictionary<string, string?> UsersEnvironment(IReadOnlyDictionary<string, string?> overrides)
    {
        var variables = InheritedEnvironment.Without("PIPELINE_", "MSBUILD", "VSTEST", "TESTINGPLATFORM_");

        // No resident runner unless a test asks for one: a build.sh run must not leave one behind in the user's folder.
        variables["PIPELINE_RUNNER"] = "off";
        foreach (var (name, value) in overrides)
        {
            variables[name] = value;
        }

        return variables;
    }
}
