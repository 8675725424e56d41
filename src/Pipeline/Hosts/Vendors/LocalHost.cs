namespace Pipeline.Hosts.Vendors;

/// <summary>A developer's machine: no CI host detected (or <c>--host local</c>). Nothing is sent anywhere at run time.</summary>
public sealed class LocalHost : CiHost
{
    public override string Name => "local";

    public override string DisplayName => "Local";

    public override IReadOnlyDictionary<HostCapability, CapabilitySupport> Capabilities { get; } = Table();

    /// <summary>Always true: the last resort of detection.</summary>
    public override bool IsPresent(HostEnvironment environment) => true;

    public override BuildIdentity ReadIdentity(HostEnvironment environment) => new() { Host = Name, IsLocal = true };
}
