using Pipeline.Hosts;

namespace Pipeline.CiGeneration;

/// <summary>
/// What a host that runs another host's file (Forgejo and Gitea run GitHub workflows) cannot do of it, read from
/// the capability tables in <c>src/Pipeline/Hosts</c>: the generator states it instead of promising it.
/// </summary>
internal static class CapabilityGaps
{
    /// <summary>The capabilities <paramref name="host"/> has in some form and <paramref name="other"/> has not at all, in the table's order.</summary>
    public static IReadOnlyList<HostCapability> Missing(HostDescriptor host, HostDescriptor other)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(other);
        return [.. Enum.GetValues<HostCapability>().Where(c => host.Capabilities[c] != CapabilitySupport.None && other.Capabilities[c] == CapabilitySupport.None)];
    }

    /// <summary>How a capability reads in a settings line.</summary>
    public static string Describe(HostCapability capability) => capability switch
    {
        HostCapability.Approvals => "environment approvals (environment: and its reviewers)",
        HostCapability.JobSummary => "the job summary",
        HostCapability.Annotations => "annotations",
        HostCapability.BuildNumber => "the build number",
        _ => capability.ToString().ToLowerInvariant(),
    };
}
