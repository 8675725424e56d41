using Pipeline.Hosts;

namespace Pipeline.Delivery;

/// <summary>
/// Who is acting: on a CI host, the user the host says started or unblocked the run; on a laptop, git's
/// <c>user.email</c>. The source is recorded with the identity, so an audit can weigh it.
/// </summary>
public sealed record Approver(string Identity, string Source)
{
    // Each host's variables for the person behind the run, best first (documented by each host).
    private static readonly Dictionary<string, string[]> ActorVariables = new(StringComparer.Ordinal)
    {
        ["github-actions"] = ["GITHUB_TRIGGERING_ACTOR", "GITHUB_ACTOR"],
        ["gitea"] = ["GITHUB_TRIGGERING_ACTOR", "GITHUB_ACTOR"],
        ["forgejo"] = ["GITHUB_TRIGGERING_ACTOR", "GITHUB_ACTOR"],
        ["gitlab"] = ["GITLAB_USER_EMAIL", "GITLAB_USER_LOGIN"],
        ["azure-pipelines"] = ["BUILD_REQUESTEDFOREMAIL", "BUILD_REQUESTEDFOR"],
        ["buildkite"] = ["BUILDKITE_UNBLOCKER_EMAIL", "BUILDKITE_BUILD_CREATOR_EMAIL"],
        ["circleci"] = ["CIRCLE_USERNAME"],
        ["bitbucket"] = ["BITBUCKET_STEP_TRIGGERER_UUID"],
        ["jenkins"] = ["BUILD_USER_EMAIL", "BUILD_USER_ID"],
        ["drone"] = ["DRONE_BUILD_TRIGGER"],
        ["bamboo"] = ["bamboo_ManualBuildTriggerReason_userName"],
    };

    /// <summary>The identity, or null when neither the host nor git says who this is.</summary>
    public static async Task<Approver?> FindAsync(CiHost host, HostEnvironment environment, AbsolutePath repository, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var variable in ActorVariables.GetValueOrDefault(host.Name, []))
        {
            if (environment[variable] is { } actor)
            {
                return new Approver(actor, variable);
            }
        }

        return await GitOutput.ReadAsync(repository, cancellationToken, "config", "user.email").ConfigureAwait(false) is { } email ? new Approver(email, "git config user.email") : null;
    }
}
