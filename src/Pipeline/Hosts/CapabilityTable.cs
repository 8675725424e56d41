namespace Pipeline.Hosts;

/// <summary>A host's capability table from the capabilities it has at run time and in configuration only; the rest are <see cref="CapabilitySupport.None"/>.</summary>
internal static class CapabilityTable
{
    public static IReadOnlyDictionary<HostCapability, CapabilitySupport> Of(
        IReadOnlyCollection<HostCapability>? runtime = null,
        IReadOnlyCollection<HostCapability>? configurationOnly = null)
    {
        runtime ??= [];
        configurationOnly ??= [];
        var both = runtime.Intersect(configurationOnly).ToList();
        if (both.Count > 0)
        {
            throw new ArgumentException($"{string.Join(", ", both)} cannot be both run-time and configuration-only.", nameof(configurationOnly));
        }

        return Enum.GetValues<HostCapability>().ToDictionary(
            c => c,
            c => runtime.Contains(c) ? CapabilitySupport.Runtime : configurationOnly.Contains(c) ? CapabilitySupport.ConfigurationOnly : CapabilitySupport.None);
    }
}
