namespace Pipeline.Hosts.Vendors;

/// <summary>
/// A CI service Pipeline does not know by name: one that sets <c>CI</c> to anything but <c>false</c> or
/// <c>0</c>. Output stays plain text; the identity comes from git. Asked after every named host.
/// </summary>
internal sealed class GenericCi() : CiHost(Description)
{
    internal static HostDescriptor Description { get; } = new()
    {
        Name = "generic",
        DisplayName = "CI",

        // CI=false (or 0) is an explicit opt-out, as ci-info treats it.
        Detection = new() { AllOf = [VariableTest.IsSet("CI")], NoneOf = [VariableTest.IsOptOut("CI")] },
        Capabilities = CapabilityTable.Of(),
    };
}
