using System.ComponentModel;

namespace Pipeline.Bench;

/// <summary>
/// The harness's child processes: <see cref="ChildProcess"/> (shared with the tests), timed from start to exit, with a
/// program that cannot start or outlives its limit reported as a figure that could not be measured.
/// </summary>
internal static class BenchProcess
{
    public static async Task<ChildProcessResult> RunAsync(
        string program,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        TimeSpan limit)
    {
        try
        {
            return await ChildProcess.RunAsync(program, arguments, workingDirectory, environment, limit);
        }
        catch (Win32Exception exception)
        {
            throw new MeasurementException($"'{Describe(program, arguments)}' could not start: {exception.Message}", exception);
        }
        catch (TimeoutException exception)
        {
            throw new MeasurementException(exception.Message, exception);
        }
    }

    /// <summary>Runs the program and throws, with everything it wrote, unless it exits with 0.</summary>
    public static async Task<ChildProcessResult> RunSuccessfullyAsync(
        string program,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        TimeSpan limit)
    {
        var result = await RunAsync(program, arguments, workingDirectory, environment, limit);
        return result.ExitCode == 0
            ? result
            : throw new MeasurementException($"'{Describe(program, arguments)}' (in {workingDirectory}) failed: {result.Describe()}");
    }

    public static string Describe(string program, IEnumerable<string> arguments) => string.Join(' ', arguments.Prepend(program));
}
