using Pipeline.Hosts;
using Pipeline.Reports;

namespace Pipeline.Output;

/// <summary>
/// Where the job summary points for the run report: the host's page of the job's artifacts, where the generated CI
/// configuration keeps <c>artifacts/report.html</c> (GitHub's run page, GitLab's job artifact, Azure's artifacts tab),
/// else the file's path in the checkout.
/// </summary>
internal static class ReportLink
{
    public const string RelativePath = "artifacts/" + ReportFiles.RunReport;

    /// <summary>An absolute address, or <see cref="RelativePath"/> where the host offers none.</summary>
    public static string Of(CiHost host, BuildIdentity identity, HostEnvironment environment) => host.Name switch
    {
        "github-actions" when identity.BuildUrl is { } run => $"{run}#artifacts",
        "gitlab" when environment["CI_JOB_URL"] is { Length: > 0 } job => $"{job.TrimEnd('/')}/artifacts/file/{RelativePath}",
        "azure-pipelines" when identity.BuildUrl is { } run => $"{run}&view=artifacts&type=publishedArtifacts",
        _ => RelativePath,
    };
}
