using System.Globalization;
using Pipeline.Incremental;
using Pipeline.Resident;

namespace Pipeline.Runner.Resident;

/// <summary>
/// One client's build in the resident runner: the process made the client's (<see cref="ProcessState"/>), the build run
/// exactly as a run in its own process runs it (<see cref="CommandLineRun"/>), its exit code sent, the runner's state
/// put back. While it runs, the client's signals cancel it and its resizes reach the live region.
/// </summary>
internal static class ResidentRun
{
    /// <summary>What a run ended by a signal before it listened for one returns: the shell's code for death by SIGINT.</summary>
    private const int Interrupted = 130;

    // The client of the build in progress: told the exit code should the build end the whole process (Environment.Exit).
    private static volatile ClientConnection? InProgress;

    /// <summary>
    /// The process is ending in the middle of a build (its script called <see cref="Environment.Exit(int)"/>): the client
    /// gets what it printed and that exit code, as from a run in its own process.
    /// </summary>
    public static void ProcessEnding()
    {
        if (InProgress is { } client)
        {
            Console.Out.Flush();
            Console.Error.Flush();
            client.SendInt32(FrameKind.Exit, Environment.ExitCode);
            client.Detach();
        }
    }

    /// <param name="exitSent">Called once the client has its exit code, before the runner tidies up.</param>
    public static async Task RunAsync(RunRequest request, ClientConnection client, RunnerLog log, Action exitSent)
    {
        ProcessState state;
        try
        {
            state = ProcessState.Enter(request, client);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The client runs the build itself, and says what is wrong with the folder as a run in its own process would.
            client.Send(FrameKind.Refused, System.Text.Encoding.UTF8.GetBytes($"cannot enter {request.WorkingDirectory}: {exception.Message}"));
            return;
        }

        // From here on the run is the runner's: a client that loses the connection now must not run it again itself.
        client.Send(FrameKind.Accepted, []);

        int exitCode;
        using (state)
        {
            // Found once per process in a run of its own; here once per run, so an SDK installed since is seen.
            ToolVersions.Forget();
            InProgress = client;
            Task<int> run;
            using (ExecutionContext.SuppressFlow())
            {
                // Nothing of the runner's own async flow reaches the build; the client's culture flows through all of it.
                run = Task.Run(() =>
                {
                    if (state.Culture is { } culture)
                    {
                        CultureInfo.CurrentCulture = culture;
                        CultureInfo.CurrentUICulture = culture;
                    }

                    return CommandLineRun.RunAsync([.. request.Arguments]);
                });
            }

            var listening = new Thread(() => Listen(client, state, run, log)) { IsBackground = true, Name = "Resident client" };
            listening.Start();
            try
            {
                exitCode = await run.ConfigureAwait(false);
            }
            finally
            {
                InProgress = null;
            }
        }

        client.SendInt32(FrameKind.Exit, exitCode);
        exitSent();

        // After the client has its exit code (a read of /proc): processes a target left running (a build server, say)
        // are not the next run's to kill on Ctrl+C.
        DescendantProcesses.SetAside();
        log.Write($"run ended with exit code {exitCode}");
    }

    /// <summary>The client's frames while its build runs: signals and resizes; its going away cancels the build.</summary>
    private static void Listen(ClientConnection client, ProcessState state, Task<int> run, RunnerLog log)
    {
        while (true)
        {
            Frame? frame;
            try
            {
                frame = client.Read();
            }
            catch (Exception exception) when (exception is IOException or InvalidDataException or ObjectDisposedException or System.Net.Sockets.SocketException)
            {
                frame = null;
            }

            switch (frame)
            {
                case null when !run.IsCompleted:
                    // The client was killed (or its terminal closed): nobody waits for this build any more.
                    log.Write("the client went away in the middle of the run: stopping it");
                    client.Detach();
                    StopRun(run);
                    return;
                case null:
                    return;
                case { Kind: FrameKind.Signal }:
                    if (!InterruptSignals.Deliver())
                    {
                        // In a process of its own, a signal before the run listens for one ends the process at once (130).
                        client.SendInt32(FrameKind.Exit, Interrupted);
                        client.Detach();
                        StopRun(run);
                        return;
                    }

                    break;
                case { Kind: FrameKind.Resize }:
                    state.Resize(frame.Int32);
                    break;
                default:
                    log.Write($"ignored a {frame.Kind} frame in the middle of a run");
                    break;
            }
        }
    }

    /// <summary>
    /// Cancels a build nobody waits for, forcefully (its child processes killed), as soon as it listens for signals;
    /// until then it has started none. It runs on to its end, quietly, before the runner takes the next build.
    /// </summary>
    private static void StopRun(Task<int> run)
    {
        while (!run.IsCompleted)
        {
            if (InterruptSignals.Deliver())
            {
                InterruptSignals.Deliver();
                return;
            }

            // The build is still loading its script: look again shortly (or stop looking when it ended without running targets).
            ((IAsyncResult)run).AsyncWaitHandle.WaitOne(TimeSpan.FromMilliseconds(20));
        }
    }
}
