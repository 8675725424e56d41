namespace Pipeline.Hosts;

/// <summary>
/// What a CI host is, as data: its names, the variables that show it is running the build, the variables its
/// identity and its actor are read from, and what it can do. Read without running anything (the CI
/// configuration generator reads it too); the host's class adds code only for its protocols.
/// </summary>
internal sealed record HostDescriptor
{
    /// <summary>The short name used by <c>--host</c> and in reports, e.g. <c>github-actions</c>.</summary>
    public required string Name { get; init; }

    public required string DisplayName { get; init; }

    public required HostDetection Detection { get; init; }

    public IdentityVariables Identity { get; init; } = new();

    /// <summary>The variable naming the repository's default branch, where the host sets one (releases come from it by default).</summary>
    public string? DefaultBranchVariable { get; init; }

    /// <summary>Per capability: done at run time, only in the CI configuration, or not at all.</summary>
    public required IReadOnlyDictionary<HostCapability, CapabilitySupport> Capabilities { get; init; }

    /// <summary>The variables naming the person who started or unblocked the run, best first.</summary>
    public IReadOnlyList<string> ActorVariables { get; init; } = [];

    /// <summary>
    /// The variables naming the person who started (or re-ran) the run: each one that is set names someone who may
    /// not also approve what the run releases (separation of duties, as GitHub's "prevent self-review").
    /// </summary>
    public IReadOnlyList<string> TriggeringActorVariables { get; init; } = [];

    /// <summary>
    /// The variable that is <c>true</c> in a job a person started by hand (GitLab's manual job, the approval step of
    /// a generated release job): there the triggering-actor variables name that person, who approves by starting it,
    /// not whoever started the run.
    /// </summary>
    public string? ManualJobVariable { get; init; }

    /// <summary>
    /// The REST address of the run's environment reviews (who approved or rejected the deployment the run waited
    /// for), where the host keeps them: a release reads its approvers there (<see cref="Delivery.Identities.HostReview"/>).
    /// </summary>
    public UrlTemplate? RunReviewsUrl { get; init; }
}
