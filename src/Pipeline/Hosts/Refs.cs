namespace Pipeline.Hosts;

/// <summary>Normalises the many ways hosts name what they build into full git refs.</summary>
internal static class Refs
{
    public const string Heads = "refs/heads/";
    public const string Tags = "refs/tags/";

    public static string Branch(string name) => name.StartsWith(Heads, StringComparison.Ordinal) ? name : Heads + name;

    public static string Tag(string name) => name.StartsWith(Tags, StringComparison.Ordinal) ? name : Tags + name;

    public static string PullRequest(string number) => $"refs/pull/{number}/merge";

    /// <summary>The short branch name of <c>refs/heads/x</c> (or of a name without <c>refs/</c>); null for other refs.</summary>
    public static string? BranchName(string? reference) => reference switch
    {
        null => null,
        _ when reference.StartsWith(Heads, StringComparison.Ordinal) => reference[Heads.Length..],
        _ when reference.StartsWith("refs/", StringComparison.Ordinal) => null,
        _ => reference,
    };

    /// <summary>The tag name of <c>refs/tags/x</c>; null for other refs.</summary>
    public static string? TagName(string? reference) =>
        reference is not null && reference.StartsWith(Tags, StringComparison.Ordinal) ? reference[Tags.Length..] : null;

    /// <summary>The number in a <c>refs/pull/N/...</c> or <c>refs/merge-requests/N/...</c> ref; null otherwise.</summary>
    public static string? PullRequestNumber(string? reference)
    {
        foreach (var prefix in new[] { "refs/pull/", "refs/merge-requests/" })
        {
            if (reference is not null && reference.StartsWith(prefix, StringComparison.Ordinal))
            {
                var rest = reference[prefix.Length..];
                var end = rest.IndexOf('/', StringComparison.Ordinal);
                return end > 0 ? rest[..end] : rest;
            }
        }

        return null;
    }

    /// <summary>The identity's ref from its parts: a pull request, else a tag, else a branch.</summary>
    public static string? Compose(string? branch, string? tag, string? pullRequest) =>
        pullRequest is not null ? PullRequest(pullRequest) : tag is not null ? Tag(tag) : branch is not null ? Branch(branch) : null;
}
