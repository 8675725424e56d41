using System.Runtime.InteropServices;

namespace Pipeline.Running;

/// <summary>
/// Turns the first Ctrl+C (SIGINT) or SIGTERM into a cancellation the running targets and their child
/// processes observe; a second one is left to end the process at once.
/// </summary>
internal sealed class InterruptSignals : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly PosixSignalRegistration[] _registrations;

    public InterruptSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        ];
    }

    public CancellationToken Token => _cancellation.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancellation.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        if (_cancellation.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        Console.Error.WriteLine("Cancelling: stopping running targets and their processes (press Ctrl+C again to force).");
        _cancellation.Cancel();
    }
}
