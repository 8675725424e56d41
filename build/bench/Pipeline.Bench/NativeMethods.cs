using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Pipeline.Bench;

/// <summary>getrusage(2) from libc: the peak resident set size of this process's waited-for children.</summary>
internal static partial class NativeMethods
{
    private const int RusageChildren = -1;

    // struct rusage on 64-bit Linux and macOS: two struct timeval (2 x 16 bytes), then 14 longs, the first ru_maxrss.
    private const int MaxRssIndex = 4;

    // Larger than the 18 longs of struct rusage, in case a libc appends fields.
    private const int BufferLongs = 32;

    /// <summary>
    /// The largest ru_maxrss among the children this process has waited for (and their waited-for descendants),
    /// in KiB. Linux reports KiB; macOS reports bytes, converted here.
    /// </summary>
    public static unsafe long ChildrenPeakRssKiB()
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) || !Environment.Is64BitProcess)
        {
            throw new PlatformNotSupportedException("Peak memory is read with getrusage(2), on 64-bit Linux or macOS only.");
        }

        var usage = stackalloc long[BufferLongs];
        if (GetRUsage(RusageChildren, usage) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "getrusage(RUSAGE_CHILDREN) failed.");
        }

        return OperatingSystem.IsMacOS() ? usage[MaxRssIndex] / 1024 : usage[MaxRssIndex];
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static unsafe partial int GetRUsage(int who, long* usage);
}
