using Pipeline.Execution;
using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;

namespace Pipeline.Output.Live;

/// <summary>
/// Whether a run shows the live region: only for a person at a terminal. A CI log, a redirected stream, <c>NO_COLOR</c>
/// (no screen at all then, see <see cref="PipelineConsole"/>), <c>TERM=dumb</c> or <c>--no-live</c> keep the plain
/// scrolling log, byte for byte as without this feature.
/// </summary>
internal static class LiveProgress
{
    /// <returns>The region observing the run in front of <paramref name="reporter"/>, not yet started; null when the log stays plain.</returns>
    public static LiveRegion? For(PipelineConsole console, HostChannel channel, bool noLive, IRunObserver reporter, TimeProvider time)
    {
        if (noLive || console.Screen is not { } screen || channel.Host is not LocalHost ||
            string.Equals(channel.Environment["TERM"], "dumb", StringComparison.Ordinal))
        {
            return null;
        }

        return new LiveRegion(reporter, screen, time, console.Ansi.Profile.Capabilities.Unicode);
    }
}
