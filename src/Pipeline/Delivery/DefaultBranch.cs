using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;

namespace Pipeline.Delivery;

/// <summary>
/// The repository's default branch, the one a policy without <c>AllowRefs</c> releases from, and where that was
/// learnt: the host's variable (GitLab's <c>CI_DEFAULT_BRANCH</c>, ...) or event payload (GitHub's
/// <c>repository.default_branch</c>), else <c>origin</c>'s HEAD, else git's <c>init.defaultBranch</c>, else <c>main</c>.
/// </summary>
internal sealed record DefaultBranch(string Name, string Source)
{
    public static async Task<DefaultBranch> FindAsync(CiHost host, HostEnvironment environment, AbsolutePath repository, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(environment);
        if (host.Descriptor.DefaultBranchVariable is { } variable && environment[variable] is { } fromHost)
        {
            return new(fromHost, variable);
        }

        if (host is GitHubActions && GitHubEvent.DefaultBranch(environment["GITHUB_EVENT_PATH"]) is { Length: > 0 } fromEvent)
        {
            return new(fromEvent, "the event payload's repository.default_branch");
        }

        if (await GitOutput.ReadAsync(repository, cancellationToken, "symbolic-ref", "--short", "refs/remotes/origin/HEAD").ConfigureAwait(false) is { } originHead &&
            originHead.StartsWith("origin/", StringComparison.Ordinal))
        {
            return new(originHead["origin/".Length..], "git symbolic-ref refs/remotes/origin/HEAD");
        }

        return await GitOutput.ReadAsync(repository, cancellationToken, "config", "init.defaultBranch").ConfigureAwait(false) is { } configured
            ? new(configured, "git config init.defaultBranch")
            : new("main", "no host variable, origin HEAD or init.defaultBranch: main");
    }
}
