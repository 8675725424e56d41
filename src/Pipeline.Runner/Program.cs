using Pipeline.Resident;
using Pipeline.Runner;
using Pipeline.Runner.Resident;

// The script runner. `--resident <folder> <key>` serves builds to native clients on a socket (started by the
// client, see Resident/); `--stop-runner` stops the user's resident runners (when no client is in front); anything
// else is one build, run in this process. This entry point is the only place that reads the process's command line.
return args switch
{
    ["--resident", var directory, var key] => await ResidentStartup.ServeAsync(directory, key),
    // As the client takes it: ./build.sh and build.ps1 name the script first.
    ["--stop-runner", ..] or ["--script", _, "--stop-runner", ..] => RunnerStop.StopAll(RunnerEndpoint.Directory(Environment.GetEnvironmentVariable), Console.Out.Write),
    _ => await CommandLineRun.RunAsync(args),
};
