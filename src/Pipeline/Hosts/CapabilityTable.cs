namespace Pipeline.Hosts;

/// <summary>A host's capability table from the capabilities it has at run time and in configuration only; the rest are <see cref="CapabilitySupport.None"/>.</summary>
internal static class CapabilityTable
{
    // Plain loops, no LINQ over the enum: every host builds its table at start-up, and LINQ's generic methods
    // instantiated over an enum are compiled at run time on every start (ReadyToRun cannot carry them).
    public static IReadOnlyDictionary<HostCapability, CapabilitySupport> Of(
        IReadOnlyCollection<HostCapability>? runtime = null,
        IReadOnlyCollection<HostCapability>? configurationOnly = null)
    {
        var table = new Dictionary<HostCapability, CapabilitySupport>();
        foreach (var capability in Enum.GetValues<HostCapability>())
        {
            table[capability] = CapabilitySupport.None;
        }

        foreach (var capability in configurationOnly ?? [])
        {
            table[capability] = CapabilitySupport.ConfigurationOnly;
        }

        foreach (var capability in runtime ?? [])
        {
            if (table[capability] == CapabilitySupport.ConfigurationOnly)
            {
                throw new ArgumentException($"{capability} cannot be both run-time and configuration-only.", nameof(configurationOnly));
            }

            table[capability] = CapabilitySupport.Runtime;
        }

        return table;
    }
}
