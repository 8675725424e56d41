namespace Pipeline.Processes;

/// <summary>Thin typed helpers for the <c>dotnet</c> commands a build needs.</summary>
public static class DotNet
{
    public static Task<CommandResult> BuildAsync(
        string projectOrSolution,
        string configuration = "Release",
        IEnumerable<string>? extraArguments = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(["build", projectOrSolution, "--configuration", configuration, "--nologo", .. extraArguments ?? []], cancellationToken);

    /// <summary>How often <see cref="TestAsync"/> prints how many tests ran and failed so far.</summary>
    internal static readonly TimeSpan TestProgressInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs the tests and reads their TRX reports. Test failures are returned, not thrown, so a build can
    /// report the counts before failing; anything else that stops <c>dotnet test</c> (a build error) throws.
    /// While the tests run, a line every 30 seconds says how many ran and failed so far; a passing test's
    /// own line is not printed, a failing test's is, with its message, as it happens.
    /// </summary>
    public static async Task<TestRunSummary> TestAsync(
        string projectOrSolution,
        AbsolutePath resultsDirectory,
        string configuration = "Release",
        bool noBuild = false,
        IEnumerable<string>? extraArguments = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resultsDirectory);
        if (Directory.Exists(resultsDirectory))
        {
            Directory.Delete(resultsDirectory, recursive: true);
        }

        string[] arguments =
        [
            "test", projectOrSolution, "--configuration", configuration, "--nologo",
            // The default TRX file name is made unique per test assembly; a fixed name or prefix can collide.
            "--results-directory", resultsDirectory, "--logger", "trx",

            // A line per test, which TestProgress counts; without it nothing shows between assemblies.
            "--logger", "console;verbosity=normal",
            .. noBuild ? new[] { "--no-build" } : [],
            .. extraArguments ?? [],
        ];
        CommandResult result;
        using (var progress = new TestProgress(Console.Out, TimeProvider.System, TestProgressInterval))
        {
            var options = new CommandOptions { AllowNonZeroExitCode = true, LogLine = progress.Observe };
            result = await Cmd.RunAsync("dotnet", arguments, options, cancellationToken).ConfigureAwait(false);
        }

        var summary = TrxReader.Summarise(resultsDirectory);
        if (result.ExitCode != 0 && summary.Failed == 0)
        {
            throw new CommandFailedException(
                $"Command exited with code {result.ExitCode} before any test failed: {CommandLineText.Format("dotnet", arguments)}")
            {
                ExitCode = result.ExitCode,
            };
        }

        return summary;
    }

    public static Task<CommandResult> PackAsync(
        string project,
        AbsolutePath outputDirectory,
        string configuration = "Release",
        bool noBuild = false,
        IEnumerable<string>? extraArguments = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outputDirectory);
        return RunAsync(
            ["pack", project, "--configuration", configuration, "--nologo", "--output", outputDirectory, .. noBuild ? new[] { "--no-build" } : [], .. extraArguments ?? []],
            cancellationToken);
    }

    /// <summary>Pushes a package; the API key is registered as a secret so it is masked everywhere.</summary>
    public static Task<CommandResult> NuGetPushAsync(
        string package,
        string source,
        string? apiKey = null,
        CancellationToken cancellationToken = default)
    {
        RunContext.Current?.RegisterSecret(apiKey);
        string[] key = apiKey is null ? [] : ["--api-key", apiKey];
        return RunAsync(["nuget", "push", package, "--source", source, "--skip-duplicate", .. key], cancellationToken);
    }

    private static Task<CommandResult> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        Cmd.RunAsync("dotnet", arguments, new CommandOptions { Environment = QuietDotNet }, cancellationToken);

    private static readonly Dictionary<string, string?> QuietDotNet = new()
    {
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
    };
}
