namespace Pipeline.Hosts;

/// <summary>
/// Where a host's variables say what is built, in the shape most hosts share: a pull request number with its
/// source and target branches, else a tag, else a branch, each from the first of its variables that says
/// something; a full ref variable, where the host has one, stands in for a missing tag or branch. Hosts whose
/// rules go beyond this shape read those parts in code, and take the rest from here.
/// </summary>
internal sealed record IdentityVariables
{
    /// <summary>A variable holding the full ref (<c>refs/heads/main</c>), where the host has one.</summary>
    public string? Ref { get; init; }

    public IReadOnlyList<VariableRead> PullRequest { get; init; } = [];

    public IReadOnlyList<VariableRead> SourceBranch { get; init; } = [];

    public IReadOnlyList<VariableRead> TargetBranch { get; init; } = [];

    public IReadOnlyList<VariableRead> Tag { get; init; } = [];

    public IReadOnlyList<VariableRead> Branch { get; init; } = [];

    public IReadOnlyList<VariableRead> Commit { get; init; } = [];

    public IReadOnlyList<VariableRead> BuildNumber { get; init; } = [];

    public IReadOnlyList<VariableRead> BuildId { get; init; } = [];

    public IReadOnlyList<VariableRead> BuildUrl { get; init; } = [];

    /// <summary>The run's page from other variables when no variable gives it (see <see cref="UrlTemplate"/>).</summary>
    public UrlTemplate? BuildUrlTemplate { get; init; }

    public BuildIdentity Read(string host, HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var reference = Ref is null ? null : environment[Ref];
        var pullRequest = First(PullRequest, environment) is { } number
            ? new PullRequest(number, First(SourceBranch, environment), First(TargetBranch, environment))
            : null;
        var tag = pullRequest is null ? First(Tag, environment) ?? Refs.TagName(reference) : null;
        var branch = pullRequest is not null
            ? pullRequest.SourceBranch
            : tag is null ? First(Branch, environment) ?? Refs.BranchName(reference) : null;
        return new BuildIdentity
        {
            Host = host,
            Ref = Refs.Compose(branch, tag, pullRequest?.Number),
            Branch = branch,
            Tag = tag,
            Commit = First(Commit, environment),
            PullRequest = pullRequest,
            BuildNumber = First(BuildNumber, environment),
            BuildId = First(BuildId, environment),
            BuildUrl = First(BuildUrl, environment) ?? BuildUrlTemplate?.Fill(environment),
        };
    }

    private static string? First(IReadOnlyList<VariableRead> reads, HostEnvironment environment) =>
        reads.Select(read => read.From(environment)).FirstOrDefault(value => value is not null);
}
