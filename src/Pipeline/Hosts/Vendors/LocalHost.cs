namespace Pipeline.Hosts.Vendors;

/// <summary>A developer's machine: no CI host detected (or <c>--host local</c>). Nothing is sent anywhere at run time.</summary>
public sealed class LocalHost() : CiHost(Description)
{
    /// <summary>Detected always: the last resort of detection.</summary>
    internal static HostDescriptor Description { get; } = new()
    {
        Name = "local",
        DisplayName = "Local",
        Detection = new(),
        Capabilities = CapabilityTable.Of(),
    };

    public override BuildIdentity ReadIdentity(HostEnvironment environment) => base.ReadIdentity(environment) with { IsLocal = true };
}
