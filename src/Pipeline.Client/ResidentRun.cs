using System.Collections;
using Pipeline.Resident;

namespace Pipeline.Client;

/// <summary>
/// A run through the user's resident runner: connect (or start one and connect), send the request, relay output,
/// signals and resizes, return the run's exit code. Null whenever the run should go in-process instead.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class ResidentRun
{
    private const int MaxAttempts = 3;

    public static int? TryRun(string dotnet, string runnerAssembly, IReadOnlyList<string> arguments, Func<string, string?> environment)
    {
        var directory = RunnerEndpoint.Directory(environment);
        if (RunnerEndpoint.PrepareDirectory(directory) is { } unusable)
        {
            Messages.Warning($"not using the resident runner: {unusable}; running without it.");
            return null;
        }

        var key = RunnerEndpoint.Key(DotNetHost.Resolve(dotnet), runnerAssembly);
        var socketPath = RunnerEndpoint.SocketPath(directory, key);
        if (Request(arguments) is not { } request)
        {
            return null;
        }

        // A runner that is leaving (or was killed as this client connected) may drop the connection before it takes the
        // run; nothing ran then, so connect again: to the next runner, started now if none listens.
        for (var attempt = 1; ; attempt++)
        {
            var socket = RunnerSocket.TryConnect(socketPath, out var nobodyListens, out var why);
            if (socket is null && nobodyListens)
            {
                socket = RunnerLauncher.StartAndConnect(dotnet, runnerAssembly, directory, key, socketPath, out why);
            }

            if (socket is null)
            {
                Messages.Warning($"{why!.TrimEnd('.')}; running without the resident runner.");
                return null;
            }

            if (RunnerSocket.RefuseOtherUser(socket, socketPath) is { } otherUser)
            {
                socket.Dispose();
                Messages.Warning(otherUser);
                return null;
            }

            using var conversation = new RunnerConversation(socket, RunnerEndpoint.LogPath(directory, key));
            var exitCode = conversation.Run(request);
            if (!conversation.LostBeforeAccepted)
            {
                return exitCode;
            }

            if (attempt == MaxAttempts)
            {
                Messages.Warning($"the resident runner closed the connection before it took the run, {MaxAttempts} times; running without it.");
                return null;
            }
        }
    }

    private static RunRequest? Request(IReadOnlyList<string> arguments)
    {
        string workingDirectory;
        try
        {
            workingDirectory = Environment.CurrentDirectory;
        }
        catch (IOException)
        {
            // The folder was deleted under the shell: the in-process run says so as it always did.
            return null;
        }

        var variables = new List<KeyValuePair<string, string>>();
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            variables.Add(new((string)variable.Key, (string?)variable.Value ?? string.Empty));
        }

        return new RunRequest(
            workingDirectory,
            arguments,
            variables,
            Native.IsTerminalDescriptor(Native.StandardOutput),
            Native.IsTerminalDescriptor(Native.StandardError),
            TerminalWidth());
    }

    /// <summary>The width an in-process run would read: the terminal's columns, 80 where none says.</summary>
    internal static int TerminalWidth()
    {
        foreach (var descriptor in (ReadOnlySpan<int>)[Native.StandardOutput, Native.StandardError, Native.StandardInput])
        {
            if (Native.TerminalColumns(descriptor) is > 0 and var columns)
            {
                return columns;
            }
        }

        return 80;
    }
}
