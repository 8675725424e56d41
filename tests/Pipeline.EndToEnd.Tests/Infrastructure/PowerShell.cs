namespace Pipeline.EndToEnd.Tests.Infrastructure;

/// <summary>
/// PowerShell 7, as this repository's tool manifest (.config/dotnet-tools.json) pins it, for the tests that run
/// a build.ps1 as a user would. Restored once per test run (<c>dotnet tool restore</c> in the repository root,
/// so a clean clone with only the .NET SDK has it too), then started as <c>dotnet pwsh.dll</c>: the tool's own
/// host, with no <c>dotnet tool run</c> in between, so it runs from any folder and with any environment.
/// </summary>
public static class PowerShell
{
    private static readonly Lazy<Task<string>> Restored = new(RestoreAsync);

    /// <summary>
    /// The program and arguments that run <paramref name="script"/> with <paramref name="arguments"/> the way
    /// its shebang line does, <c>pwsh -File script args...</c>; without a profile, and failing instead of
    /// prompting.
    /// </summary>
    public static async Task<(string Program, IReadOnlyList<string> Arguments)> CommandLineAsync(string script, IReadOnlyList<string> arguments)
    {
        var pwsh = await Restored.Value;
        return (DotNetHost.Path, ["exec", pwsh, "-NoProfile", "-NonInteractive", "-File", script, .. arguments]);
    }

    /// <summary>Variables every PowerShell the tests start gets: no telemetry, no update check over the network.</summary>
    public static IReadOnlyDictionary<string, string?> Environment { get; } = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["POWERSHELL_TELEMETRY_OPTOUT"] = "1",
        ["POWERSHELL_UPDATECHECK"] = "Off",
    };

    private static async Task<string> RestoreAsync()
    {
        var root = SourceRepository.Root;
        var environment = new Dictionary<string, string?>(Environment) { ["DOTNET_NOLOGO"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" };
        var restore = await Terminal.RunAsync(DotNetHost.Path, ["tool", "restore"], root, environment);
        Assert.True(
            restore.ExitCode == 0,
            $"Could not restore PowerShell, pinned in {Path.Combine(root, ".config", "dotnet-tools.json")}, which the build.ps1 tests run ('dotnet tool restore' in {root} failed).{System.Environment.NewLine}{restore}");

        // $PSHOME is the folder of the restored pwsh.dll, wherever the packages folder is.
        var home = await Terminal.RunAsync(DotNetHost.Path, ["tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive", "-Command", "$PSHOME"], root, environment);
        var pwsh = Path.Combine(home.StandardOutput.Trim(), "pwsh.dll");
        Assert.True(
            home.ExitCode == 0 && File.Exists(pwsh),
            $"The restored PowerShell did not start or did not name its folder ('dotnet tool run pwsh -- -Command $PSHOME' in {root}).{System.Environment.NewLine}{home}");
        return pwsh;
    }
}
