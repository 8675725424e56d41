using System.Runtime.InteropServices;

namespace Pipeline.Running;

/// <summary>
/// Turns the first Ctrl+C (SIGINT) or SIGTERM into a cancellation the running targets and their child
/// processes observe. A second one forces the stop: every child process is killed at once and the run stops
/// waiting for its targets. No signal is ever left to its default action, which would end the runner in the
/// middle of killing its children (leaving them orphaned, even stopped) and before it printed the summary.
/// A signal to the whole process group (a terminal's Ctrl+C, <c>timeout</c>, a CI agent) reaches the runner
/// once or twice, and ends the same way either way: children killed, summary printed, exit code 130.
/// </summary>
internal sealed class InterruptSignals : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly CancellationTokenSource _force = new();
    private static volatile InterruptSignals? Active;
    private readonly PosixSignalRegistration[] _registrations;
    private int _received;

    public InterruptSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        ];
        Active = this;
    }

    /// <summary>
    /// A Ctrl+C or SIGTERM the resident runner's client received, handled as if this process had: the first cancels
    /// the run in progress, the second forces the stop. False when no run is listening for signals (not yet, or no longer).
    /// </summary>
    public static bool Deliver()
    {
        if (Active is not { } active)
        {
            return false;
        }

        active.Received();
        return true;
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>Cancelled by the second signal, after every child process was killed.</summary>
    public CancellationToken Forced => _force.Token;

    public void Dispose()
    {
        Active = null;
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancellation.Dispose();
        _force.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        Received();
    }

    private void Received()
    {
        // Handlers run on threads of their own, so two signals close together may be handled at once.
        if (Interlocked.Increment(ref _received) == 1)
        {
            Console.Error.WriteLine("Cancelling: stopping running targets and their processes (press Ctrl+C again to force).");
            _cancellation.Cancel();
            return;
        }

        Console.Error.WriteLine("Forcing the stop: killing every child process now.");
        DescendantProcesses.KillAll();
        _force.Cancel();
    }
}
