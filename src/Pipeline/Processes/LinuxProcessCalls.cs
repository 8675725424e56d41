using System.Runtime.InteropServices;

namespace Pipeline.Processes;

/// <summary>The two libc calls the runner needs that .NET has no API for: sending a signal to a pid, and prctl.</summary>
internal static class LinuxProcessCalls
{
    public const int SignalKill = 9;

    private const int SetChildSubreaper = 36;

    /// <summary>
    /// Makes the current process the "subreaper" of its descendants: a process whose parent dies is re-parented
    /// here instead of to init, so it stays findable as a descendant and can still be killed.
    /// </summary>
    public static bool BecomeSubreaper() => Call(() => Prctl(SetChildSubreaper, 1, 0, 0, 0));

    /// <summary>Sends <paramref name="signal"/> to <paramref name="processId"/>; false when it is gone (or not ours).</summary>
    public static bool Send(int processId, int signal) => Call(() => Kill(processId, signal));

    /// <summary>
    /// A libc the runtime cannot load under the name "libc" (an unusual distribution) costs the clean-up
    /// these calls add, never the run: they are called while cancelling, where an exception would end it.
    /// </summary>
    private static bool Call(Func<int> call)
    {
        try
        {
            return call() == 0;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int processId, int signal);

    [DllImport("libc", EntryPoint = "prctl", SetLastError = true)]
    private static extern int Prctl(int option, nuint argument2, nuint argument3, nuint argument4, nuint argument5);
}
