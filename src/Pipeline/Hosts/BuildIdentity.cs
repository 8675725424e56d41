namespace Pipeline.Hosts;

/// <summary>
/// What is being built and where, the same on every CI host and locally. Refs are normalised:
/// <c>refs/heads/main</c>, <c>refs/tags/v1.2.0</c>, <c>refs/pull/42/merge</c>.
/// </summary>
public sealed record BuildIdentity
{
    /// <summary>The host's short name, e.g. <c>github-actions</c>, <c>gitlab</c>, <c>local</c>.</summary>
    public required string Host { get; init; }

    public string? Ref { get; init; }

    /// <summary>The branch being built; for a pull request, its source branch. Null for a tag build.</summary>
    public string? Branch { get; init; }

    public string? Tag { get; init; }

    public string? Commit { get; init; }

    public PullRequest? PullRequest { get; init; }

    public string? BuildNumber { get; init; }

    public string? BuildId { get; init; }

    public string? BuildUrl { get; init; }

    /// <summary>True on a developer's machine (no CI host detected, or <c>--host local</c>).</summary>
    public bool IsLocal { get; init; }

    public bool IsPullRequest => PullRequest is not null;

    public bool IsTag => Tag is not null;
}

/// <summary>A pull (merge) request build: its number and the branches it merges from and into.</summary>
public sealed record PullRequest(string Number, string? SourceBranch, string? TargetBranch);
