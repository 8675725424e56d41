using System.Globalization;
using YamlDotNet.RepresentationModel;
using static Pipeline.CiGeneration.CiYaml;

namespace Pipeline.CiGeneration.GitHub;

/// <summary>One workflow job: where it runs, what it waits for, what it may do, and its steps.</summary>
internal static class GitHubJob
{
    public const string DefaultRunner = "ubuntu-latest";

    public static YamlMappingNode Of(CiPipeline pipeline, CiJob job)
    {
        var production = job.Deployment is { IsProduction: true } deployment ? deployment : null;
        var needs = Needs(job);
        return Map(
            ("needs", needs.Count > 0 ? GitHubExpressions.Flow(needs) : null),

            // Jobs that deploy, or follow a job that does, are left out of pull-request runs.
            ("if", job.RunsOnPullRequests ? null : Scalar("github.event_name != 'pull_request'")),
            ("runs-on", Scalar(pipeline.ImageOf(job, CiHostKind.GitHubActions) ?? DefaultRunner)),
            ("environment", production is null ? null : Scalar(production.Environment)),

            // One release at a time; a release already running is never cancelled by the next one.
            ("concurrency", production is null ? null : Map(("group", Scalar($"deploy-{production.Environment}")), ("cancel-in-progress", Bool(false)))),
            ("permissions", Permissions(job, production is not null)),
            ("strategy", job.Partition is null ? null : Map(
                ("fail-fast", Bool(false)),
                ("matrix", Map(("partition", GitHubExpressions.Flow(Enumerable.Range(1, job.Partition.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)))))))),
            ("outputs", job.Outputs.Count == 0 ? null : Map([.. job.Outputs.Select(o => (o, (YamlNode?)Scalar(GitHubExpressions.Of($"steps.{GitHubSteps.BuildStepId}.outputs.{o}"))))])),
            ("env", job.Variables.Count == 0 ? null : Map([.. job.Variables.Select(v => (v.Key, (YamlNode?)Scalar(v.Value)))])),
            ("steps", Seq(GitHubSteps.Of(pipeline, job))));
    }

    /// <summary>
    /// The pipeline's needs, and the job of every candidate downloaded: <c>needs.&lt;job&gt;.outputs</c> reads only
    /// the jobs named here, so an uploader reached only through another job is named too.
    /// </summary>
    private static List<string> Needs(CiJob job) =>
        [.. job.Needs.Concat(job.Downloads.Where(a => a.IsCandidate).Select(a => a.FromJob)).Distinct(StringComparer.Ordinal)];

    /// <summary>Null (the workflow's read-only default) unless the job writes the records or releases.</summary>
    private static YamlMappingNode? Permissions(CiJob job, bool production) =>
        !job.WritesRecords && !production
            ? null
            : Map(
                ("contents", Scalar(job.WritesRecords ? "write" : "read")),

                // The release job reads who approved the run from the REST API.
                ("actions", production ? Scalar("read") : null));
}
