namespace Pipeline.Hosts.Vendors;

/// <summary>
/// A CI service Pipeline does not know by name: one that sets <c>CI</c> to anything but <c>false</c> or
/// <c>0</c>. Output stays plain text; the identity comes from git. Asked after every named host.
/// </summary>
public sealed class GenericCi : CiHost
{
    public override string Name => "generic";

    public override string DisplayName => "CI";

    public override IReadOnlyDictionary<HostCapability, CapabilitySupport> Capabilities { get; } = Table();

    // CI=false (or 0) is an explicit opt-out, as ci-info treats it.
    public override bool IsPresent(HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment["CI"] is { } value && !IsOptOut(value);
    }

    public override BuildIdentity ReadIdentity(HostEnvironment environment) => new() { Host = Name };

    internal static bool IsOptOut(string value) =>
        string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase) || value.Trim() == "0";
}
