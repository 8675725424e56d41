namespace Pipeline.Hosts;

/// <summary>
/// A CI host: what it is, as data (<see cref="HostDescriptor"/>: how to recognise it, where its identity and
/// actor are read from, what it can do), and its protocol for each capability, as <see cref="HostEffect"/>s.
/// One subclass per host, one file each; what a host cannot do at run time it leaves to the defaults here,
/// which do nothing.
/// </summary>
public abstract class CiHost
{
    private protected CiHost(HostDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        Descriptor = descriptor;
    }

    /// <summary>The short name used by <c>--host</c> and in reports, e.g. <c>github-actions</c>.</summary>
    public string Name => Descriptor.Name;

    public string DisplayName => Descriptor.DisplayName;

    /// <summary>Per capability: done at run time, only in the CI configuration, or not at all. Read by the CI configuration generator too.</summary>
    internal IReadOnlyDictionary<HostCapability, CapabilitySupport> Capabilities => Descriptor.Capabilities;

    internal HostDescriptor Descriptor { get; }

    /// <summary>True when this host is running the build.</summary>
    internal bool IsPresent(HostEnvironment environment) => Descriptor.Detection.Matches(environment);

    /// <summary>The identity from the host's variables; what the host does not say is left null for git to fill in.</summary>
    internal virtual BuildIdentity ReadIdentity(HostEnvironment environment) => Descriptor.Identity.Read(Name, environment);

    internal CapabilitySupport Supports(HostCapability capability) =>
        Capabilities.TryGetValue(capability, out var support) ? support : CapabilitySupport.None;

    internal virtual IEnumerable<HostEffect> BeginGroup(string title) => [];

    internal virtual IEnumerable<HostEffect> EndGroup(string title) => [];

    internal virtual IEnumerable<HostEffect> Annotate(Annotation annotation) => [];

    internal virtual IEnumerable<HostEffect> RegisterSecret(string value) => [];

    /// <summary>Publishes the run's Markdown summary; <paramref name="summaryFile"/> (absolute) already holds it.</summary>
    internal virtual IEnumerable<HostEffect> PublishSummary(string markdown, string summaryFile, HostEnvironment environment) => [];

    /// <summary>Hands values to later steps or jobs; <c>artifacts/outputs.env</c> is written for every host besides.</summary>
    internal virtual IEnumerable<HostEffect> SetOutputs(IReadOnlyList<KeyValuePair<string, string>> outputs, HostEnvironment environment) => [];

    internal virtual IEnumerable<HostEffect> PublishArtifact(string path) => [];

    internal virtual IEnumerable<HostEffect> SetBuildNumber(string version) => [];

    public override string ToString() => Name;
}

/// <summary>An error or warning for the host to show against the run (and a file and line where known).</summary>
internal sealed record Annotation(AnnotationLevel Level, string Message, string? File = null, int? Line = null, int? Column = null, string? Title = null);

internal enum AnnotationLevel
{
    Warning,
    Error,
}
