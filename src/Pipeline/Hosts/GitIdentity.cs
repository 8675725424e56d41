namespace Pipeline.Hosts;

/// <summary>
/// Fills what a host did not say about the build from <c>git</c>: the commit, the branch (unless HEAD is
/// detached, as in most CI checkouts) and a tag pointing at HEAD. Locally this is the whole identity.
/// </summary>
internal static class GitIdentity
{
    public static BuildIdentity Complete(BuildIdentity identity, string repository)
    {
        // The files answer most of it without starting git; where they cannot say for certain, git does.
        var head = GitHeadFiles.Read(repository);
        var commit = identity.Commit ?? head?.Commit ?? Git(repository, "rev-parse", "HEAD");
        var branch = identity.Branch;
        var tag = identity.Tag;
        if (identity.PullRequest is null)
        {
            // Some hosts (Bamboo, Jenkins freestyle jobs) report a tag build as a branch build: ask git too.
            tag ??= head is { TagKnown: true } ? head.Tag : Git(repository, "describe", "--exact-match", "--tags", "HEAD");
            if (identity.Ref is null && tag is null)
            {
                // Like the hosts: a build of a tag is a tag build, whatever branch also points there.
                branch ??= head is not null ? head.Branch : Git(repository, "rev-parse", "--abbrev-ref", "HEAD") is { } name && name != "HEAD" ? name : null;
            }
        }

        return identity with
        {
            Commit = commit,
            Branch = branch,
            Tag = tag,
            Ref = identity.Ref ?? Refs.Compose(tag is null ? branch : null, tag, identity.PullRequest?.Number),
        };
    }

    private static string? Git(string repository, params string[] arguments) => GitOutput.Read(repository, arguments);
}
