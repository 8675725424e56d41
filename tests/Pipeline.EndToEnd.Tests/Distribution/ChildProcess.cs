using System.Collections;
using System.Globalization;
using System.Text;
using CliWrap;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Distribution;

/// <summary>
/// Runs a program as a user would from a terminal (dotnet, git, ./build.sh), captures what it writes and
/// fails the test with all of it when the program does not exit in time.
/// </summary>
public static class ChildProcess
{
    /// <summary>Restores and packs reach the package mirror; generous, but a hang still ends.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The dotnet host running these tests: the real one, whatever is first on PATH.</summary>
    public static string DotNetHost { get; } = FindDotNetHost();

    public static async Task<RunnerResult> RunAsync(
        string program,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment)
    {
        var standardOutput = new StringBuilder();
        var standardError = new StringBuilder();
        var command = Cli.Wrap(program)
            .WithArguments(arguments)
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(WithoutInheritedNoise(environment))
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(standardOutput))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(standardError));

        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            var result = await command.ExecuteAsync(timeout.Token);
            return new RunnerResult(result.ExitCode, standardOutput.ToString(), standardError.ToString());
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException(string.Create(
                CultureInfo.InvariantCulture,
                $"'{program} {string.Join(' ', arguments)}' (in {workingDirectory}) did not exit within {Timeout.TotalMinutes} min and was killed.{Environment.NewLine}" +
                $"--- stdout:{Environment.NewLine}{standardOutput}{Environment.NewLine}--- stderr:{Environment.NewLine}{standardError}"));
        }
    }

    /// <summary>Runs the program and fails the test, showing everything it wrote, unless it exits with 0.</summary>
    public static async Task<RunnerResult> RunSuccessfullyAsync(
        string program,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment)
    {
        var result = await RunAsync(program, arguments, workingDirectory, environment);
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
    private static Dictionary<string, string?> WithoutInheritedNoise(IReadOnlyDictionary<string, string?> overrides)
    {
        string[] prefixes = ["PIPELINE_", "MSBUILD", "VSTEST", "TESTINGPLATFORM_"];
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && prefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                variables[name] = null;
            }
        }

        foreach (var (name, value) in overrides)
        {
            variables[name] = value;
        }

        return variables;
    }

    private static string FindDotNetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        if (Environment.ProcessPath is { } current &&
            string.Equals(Path.GetFileNameWithoutExtension(current), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        var fileName = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, fileName))
            .FirstOrDefault(File.Exists) ?? "dotnet";
    }
}
