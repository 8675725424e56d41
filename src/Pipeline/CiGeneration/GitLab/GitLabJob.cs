using Pipeline.Hosts.Vendors;
using YamlDotNet.RepresentationModel;
using static Pipeline.CiGeneration.CiYaml;

namespace Pipeline.CiGeneration.GitLab;

/// <summary>One job of <c>.gitlab-ci.yml</c>.</summary>
internal static class GitLabJob
{
    /// <summary>A partition's index and count as GitLab numbers <c>parallel:</c> copies (from 1).</summary>
    public const string PartitionArgument = "$CI_NODE_INDEX/$CI_NODE_TOTAL";

    /// <param name="job">The job.</param>
    /// <param name="jobs">Every job, in order: the jobs it needs are listed in that order.</param>
    /// <param name="image">The job's own image when it differs from the default one.</param>
    public static YamlMappingNode Of(CiJob job, IReadOnlyList<CiJob> jobs, string? image) => Map(
        ("stage", Scalar(job.Id)),
        ("image", image is null ? null : Scalar(image)),
        ("needs", Needs(job, jobs)),
        ("rules", GitLabRules.Job(job)),
        ("parallel", job.Partition is { } partition ? Number(partition.Count) : null),
        ("environment", job.Deployment is { IsProduction: true } production
            ? Map(("name", Scalar(production.Environment)), ("deployment_tier", Scalar("production")))
            : null),

        // One release at a time per environment; GitLab queues the next one instead of cancelling it.
        ("resource_group", job.Deployment is { IsProduction: true } locked ? Scalar(locked.Environment) : null),
        ("variables", job.Variables.Count > 0 ? Map([.. job.Variables.Select(v => (v.Key, (YamlNode?)Quoted(v.Value)))]) : null),
        ("script", Seq([.. Script(job)])),
        ("artifacts", Artifacts(job)));

    /// <summary>The jobs it waits for, taking artifacts (and the digest report) only from those it downloads from.</summary>
    private static YamlSequenceNode Needs(CiJob job, IReadOnlyList<CiJob> jobs)
    {
        var sources = job.Downloads.Select(d => d.FromJob).ToHashSet(StringComparer.Ordinal);
        return Seq(jobs
            .Where(j => job.Needs.Contains(j.Id, StringComparer.Ordinal) || sources.Contains(j.Id))
            .Select(j => (YamlNode)Map(("job", Scalar(j.Id)), ("artifacts", Bool(sources.Contains(j.Id))))));
    }

    private static IEnumerable<string> Script(CiJob job)
    {
        yield return "./build.sh --check-ci";
        foreach (var candidate in job.Downloads.Where(d => d.IsCandidate))
        {
            yield return $"./build.sh --verify-artifact {CiText.ShellQuote(candidate.Path)} --expect-digest \"${CiPipelinePlanner.CandidateDigestOutput}\"";
        }

        yield return job.CommandLine(job.Partition is null ? null : PartitionArgument);
    }

    /// <summary>
    /// What the job keeps: its uploads and the run report, also when the job failed (a failed run's report is the one
    /// worth reading; the job summary links it as <c>$CI_JOB_URL/artifacts/file/artifacts/report.html</c>).
    /// </summary>
    private static YamlMappingNode Artifacts(CiJob job)
    {
        var name = job.Uploads.Count == 1 ? job.Uploads[0].Name : job.Id;
        return Map(
            ("name", Scalar(job.Partition is null ? name : $"{name}-$CI_NODE_INDEX")),
            ("when", Scalar("always")),
            ("paths", Seq([.. job.Uploads.Select(u => u.Path).Append(CiText.ReportPath).Distinct(StringComparer.Ordinal)])),
            ("reports", job.Outputs.Count > 0 ? Map(("dotenv", Scalar(GitLabCi.DotEnvPath))) : null));
    }
}
