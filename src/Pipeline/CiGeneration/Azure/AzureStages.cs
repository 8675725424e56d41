using YamlDotNet.RepresentationModel;
using static Pipeline.CiGeneration.CiYaml;

namespace Pipeline.CiGeneration.Azure;

/// <summary>
/// One stage per job, holding that one job under the same name. Stages because environment checks (approvals,
/// exclusive lock, branch control) are evaluated before a stage starts, and because only stages can wait for
/// jobs in other stages and read their outputs (<c>stageDependencies</c>).
/// </summary>
internal static class AzureStages
{
    private const string DefaultVmImage = "ubuntu-latest";

    /// <summary>A stage's own condition replaces Azure's default <c>succeeded()</c>, so it says it again beside the pull request test.</summary>
    private const string NotForPullRequests = "and(succeeded(), ne(variables['Build.Reason'], 'PullRequest'))";

    /// <summary>Only the production deployment is an Azure deployment job in the environment; QA is an ordinary job the script gates.</summary>
    public static bool IsDeploymentJob(CiJob job) => job.Deployment is { IsProduction: true };

    /// <summary>
    /// The stages <paramref name="job"/> waits for: the jobs it needs and the jobs whose candidate it downloads (a
    /// stage reads outputs only of stages it names; those are reached through the needs anyway, so the graph is
    /// the pipeline's). Always written: an empty list, or Azure makes a stage wait for the one above it.
    /// </summary>
    public static IReadOnlyList<string> DependsOn(CiJob job) =>
        [.. job.Needs.Concat(job.Downloads.Where(a => a.IsCandidate).Select(a => a.FromJob)).Distinct(StringComparer.Ordinal).Select(AzureNames.Of)];

    public static YamlNode Stage(CiPipeline pipeline, CiJob job) => Map(
        ("stage", Scalar(AzureNames.Of(job.Id))),
        ("displayName", Scalar(job.Id)),
        ("dependsOn", Seq(DependsOn(job).ToArray())),
        ("condition", job.RunsOnPullRequests ? null : Scalar(NotForPullRequests)),

        // Releases queue behind one another in the order they were started: none is cancelled for a newer one.
        ("lockBehavior", IsDeploymentJob(job) ? Scalar("sequential") : null),
        ("jobs", Seq([Job(pipeline, job)])));

    private static YamlNode Job(CiPipeline pipeline, CiJob job)
    {
        var steps = Seq(Steps(pipeline, job));
        var pool = Map(("vmImage", Scalar(pipeline.ImageOf(job, CiHostKind.AzurePipelines) ?? DefaultVmImage)));
        var variables = Variables(pipeline, job);
        return IsDeploymentJob(job)
            ? Map(
                ("deployment", Scalar(AzureNames.Of(job.Id))),
                ("displayName", Scalar(string.Join(' ', job.Targets))),
                ("environment", Scalar(job.Deployment!.Environment)),
                ("pool", pool),
                ("variables", variables),
                ("strategy", Map(("runOnce", Map(("deploy", Map(("steps", steps))))))))
            : Map(
                ("job", Scalar(AzureNames.Of(job.Id))),
                ("displayName", Scalar(string.Join(' ', job.Targets))),
                ("pool", pool),
                ("strategy", job.Partition is { } partition ? Map(("parallel", Number(partition.Count))) : null),
                ("variables", variables),
                ("steps", steps));
    }

    /// <summary>The job's own variables and, per candidate it downloads, the digest its uploading job exported.</summary>
    private static YamlMappingNode? Variables(CiPipeline pipeline, CiJob job)
    {
        var producers = job.Downloads.Where(a => a.IsCandidate).Select(a => a.FromJob).Distinct(StringComparer.Ordinal)
            .Select(id => pipeline.Jobs.Single(j => j.Id == id));
        (string, YamlNode?)[] entries =
        [
            .. job.Variables.Select(v => (v.Key, (YamlNode?)Scalar(v.Value))),
            .. producers.Select(p => (AzureNames.DigestVariable(p), (YamlNode?)Scalar(AzureNames.DigestExpression(p)))),
        ];
        return entries.Length == 0 ? null : Map(entries);
    }

    private static IEnumerable<YamlNode> Steps(CiPipeline pipeline, CiJob job)
    {
        if (IsDeploymentJob(job))
        {
            yield return AzureSteps.NoAutomaticDownload();
        }

        yield return AzureSteps.Checkout(job);
        if (pipeline.HasGlobalJson)
        {
            yield return AzureSteps.DotNetSdk();
        }

        yield return AzureSteps.NuGetCache(pipeline);
        yield return AzureSteps.CheckCi();
        foreach (var artifact in job.Downloads)
        {
            foreach (var name in AzureNames.Published(artifact, pipeline))
            {
                yield return AzureSteps.Download(name, artifact);
            }
        }

        foreach (var artifact in job.Downloads.Where(a => a.IsCandidate))
        {
            yield return AzureSteps.Verify(artifact, pipeline.Jobs.Single(j => j.Id == artifact.FromJob));
        }

        yield return AzureSteps.Build(job);
        foreach (var artifact in job.Uploads)
        {
            yield return AzureSteps.Publish(artifact, job);
        }

        yield return AzureSteps.PublishReport(job);
    }
}
