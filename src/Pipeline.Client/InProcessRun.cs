using System.Diagnostics;

namespace Pipeline.Client;

/// <summary>
/// The run without a resident runner, exactly as before the client: <c>dotnet &lt;runner.dll&gt; args...</c>. On Unix
/// the client becomes that process (execv: same pid, same signals, same exit code); on Windows it starts and waits.
/// </summary>
internal static class InProcessRun
{
    public static int Run(string dotnet, string runnerAssembly, IReadOnlyList<string> arguments)
    {
        string[] argv = ["dotnet", runnerAssembly, .. arguments];
        if (OperatingSystem.IsWindows())
        {
            return RunAndWait(dotnet, argv);
        }

        var errno = Native.Execute(dotnet, argv);
        Messages.Error($"could not start {dotnet} (errno {errno}).");
        return ExitCodes.UsageError;
    }

    private static int RunAndWait(string dotnet, string[] argv)
    {
        var start = new ProcessStartInfo(dotnet) { UseShellExecute = false };
        for (var i = 1; i < argv.Length; i++)
        {
            start.ArgumentList.Add(argv[i]);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
