using Pipeline;
using Pipeline.Client;
using Pipeline.Resident;

// The native client build.sh starts: pipeline-client <Pipeline.Runner.dll> [runner arguments...]. It hands the run to
// the user's resident runner (starting one when there is none) and relays its output, signals and exit code; whenever
// that is not possible or not wanted it becomes `dotnet <Pipeline.Runner.dll> args...`, the run as it always was.
Func<string, string?> environment = Environment.GetEnvironmentVariable;
if (args.Length == 0 || args[0].Length == 0)
{
    Messages.Error("usage: pipeline-client <Pipeline.Runner.dll> [arguments...]");
    return ExitCodes.UsageError;
}

var runnerAssembly = Path.GetFullPath(args[0]);
var arguments = args[1..];
var (settings, error) = RunnerSettings.From(environment);
if (settings is null)
{
    Messages.Error(error!);
    return ExitCodes.UsageError;
}

if (arguments is ["--stop-runner", ..])
{
    return RunnerStop.StopAll(RunnerEndpoint.Directory(environment), Messages.Output);
}

if (DotNetHost.FindOnPath(environment) is not { } dotnet)
{
    Messages.Error("the .NET SDK is not installed (no 'dotnet' on PATH).");
    return ExitCodes.UsageError;
}

if (settings.Enabled(environment) && !OperatingSystem.IsWindows()
    && ResidentRun.TryRun(dotnet, runnerAssembly, arguments, environment) is { } exitCode)
{
    return exitCode;
}

return InProcessRun.Run(dotnet, runnerAssembly, arguments);
