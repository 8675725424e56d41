namespace Pipeline.Resident;

/// <summary>
/// Whether this process runs on a CI host, from the variables every host of Pipeline's host detection sets
/// (a test checks the two agree). There the resident runner is off by default: a job runs one build on a fresh machine.
/// </summary>
internal static class CiDetection
{
    // TODO(helper A): fill from src/Pipeline/Hosts (HostDetector) so that every detected host is CI here too.
    private static readonly string[] Variables = ["CI", "TF_BUILD", "JENKINS_URL", "TEAMCITY_VERSION", "BUILDKITE", "CODEBUILD_BUILD_ID"];

    public static bool IsCi(Func<string, string?> environment)
    {
        foreach (var name in Variables)
        {
            if (environment(name) is { Length: > 0 } value && !value.Equals("false", StringComparison.OrdinalIgnoreCase) && value != "0")
            {
                return true;
            }
        }

        return false;
    }
}
