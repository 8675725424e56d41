namespace Pipeline.Hosts.Vendors;

/// <summary>A developer's machine: no CI host detected (or <c>--host local</c>). Nothing is sent anywhere at run time.</summary>
internal sealed class LocalHost() : CiHost(Description)
{
    internal static HostDescriptor Description { get; } = new()
    {
        Name = "local",
        DisplayName = "Local",
        Detection = new(), // no tests: detected always, the last resort of detection
        Capabilities = CapabilityTable.Of(),
    };

    internal override BuildIdentity ReadIdentity(HostEnvironment environment) => base.ReadIdentity(environment) with { IsLocal = true };
}
