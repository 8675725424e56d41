namespace Pipeline.Resident;

/// <summary>
/// Whether this process runs on a CI host, from the variables by which Pipeline's host detection (HostDetector, which
/// the native client does not contain) recognises each host; a test checks that every host it detects is CI here.
/// There the resident runner is off by default: a job runs one build on a fresh machine, so a runner left behind
/// would only cost its start.
/// </summary>
internal static class CiDetection
{
    private static readonly string[] Variables =
    [
        "CI", // the generic check, and Woodpecker (CI=woodpecker)
        "FORGEJO_ACTIONS",
        "GITEA_ACTIONS",
        "GITHUB_ACTIONS",
        "GITLAB_CI",
        "TF_BUILD", // Azure Pipelines
        "TEAMCITY_VERSION",
        "bamboo_agentId",
        "bamboo_planKey",
        "JENKINS_URL",
        "TRAVIS",
        "APPVEYOR",
        "BITBUCKET_BUILD_NUMBER",
        "BITBUCKET_PIPELINE_UUID",
        "CIRCLECI",
        "BUILDKITE",
        "DRONE",
        "CODEBUILD_BUILD_ID", // AWS CodeBuild: no host of its own, and no CI variable either
    ];

    /// <summary>True when one of the variables is set to something other than an opt-out (<c>false</c>, <c>0</c>).</summary>
    public static bool IsCi(Func<string, string?> environment)
    {
        foreach (var name in Variables)
        {
            if (environment(name) is { Length: > 0 } value && !value.Trim().Equals("false", StringComparison.OrdinalIgnoreCase) && value.Trim() != "0")
            {
                return true;
            }
        }

        return false;
    }
}
