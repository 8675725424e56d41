using Pipeline.Hosts.Vendors;
using YamlDotNet.RepresentationModel;
using static Pipeline.CiGeneration.CiYaml;

namespace Pipeline.CiGeneration.GitLab;

/// <summary>
/// Writes <c>.gitlab-ci.yml</c>: <c>workflow: rules</c> for the triggers, one stage per job with <c>needs:</c> as the
/// target graph, every job in the .NET SDK image with full history and a NuGet cache, checking the file is fresh
/// first; candidates travel as artifacts and are verified against the uploader's digest (a dotenv report); the
/// production job alone runs in its environment, under a resource group, started by hand when a person approves.
/// </summary>
internal sealed class GitLabCiWriter : ICiFileWriter
{
    /// <summary>The SDK image without a tag; the tag is <c>global.json</c>'s major.minor.</summary>
    public const string SdkImage = "mcr.microsoft.com/dotnet/sdk";

    /// <summary>The SDK a repository without <c>global.json</c> gets: the one Pipeline itself targets.</summary>
    public const string DefaultSdkChannel = "10.0";

    /// <summary>The NuGet packages folder, inside the project directory because GitLab caches only paths there.</summary>
    public const string NuGetPackages = ".nuget/packages";

    /// <summary>Top-level keys GitLab reads as configuration (and <c>pages</c>, the job that publishes GitLab Pages): no job may be named so.</summary>
    private static readonly HashSet<string> ReservedNames = new(StringComparer.Ordinal) { "default", "include", "stages", "variables", "workflow", "image", "services", "cache", "types", "pages" };

    /// <summary>GitLab keys a cache on at most two files (<c>cache:key:files</c>).</summary>
    private const int CacheKeyFileLimit = 2;

    public CiHostKind Host => CiHostKind.GitLab;

    public string RelativePath => ".gitlab-ci.yml";

    public string Write(CiPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (pipeline.Jobs.FirstOrDefault(j => ReservedNames.Contains(j.Id)) is { } reserved)
        {
            throw new BuildDefinitionException(
                $"The CI job '{reserved.Id}' (targets {string.Join(", ", reserved.Targets)}) has a name GitLab reserves for its own '{reserved.Id}:' key: name the job with Ci.Job(\"another-name\", ...).");
        }

        var jobs = pipeline.Jobs.Select(ApprovedByStartingIt).ToList();
        var image = DefaultImage(pipeline);
        var root = Map(
            ("workflow", Map(("rules", GitLabRules.Workflow(pipeline.Triggers)))),
            ("stages", Seq([.. jobs.Select(j => j.Id)])),
            ("variables", Map(
                ("GIT_DEPTH", Quoted("0")),
                ("NUGET_PACKAGES", Scalar($"$CI_PROJECT_DIR/{NuGetPackages}")))),
            ("default", Map(("image", Scalar(image)), ("cache", Cache(pipeline)))));
        foreach (var job in jobs)
        {
            root.Add(job.Id, GitLabJob.Of(job, jobs, pipeline.ImageOf(job, Host) is { } own && own != image ? own : null));
        }

        return CiYaml.Write(root, Comment(pipeline));
    }

    public IReadOnlyList<string> Settings(CiPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return GitLabSettings.For(pipeline);
    }

    /// <summary>A production job a person approves starts by hand (<c>when: manual</c>): that start is the approval, so it passes <c>--approve</c>.</summary>
    private static CiJob ApprovedByStartingIt(CiJob job) =>
        job.Deployment is { IsProduction: true, RequiresApproval: true } deployment
            ? job with { Deployment = deployment with { ApprovedByHostJob = true } }
            : job;

    private string DefaultImage(CiPipeline pipeline) =>
        pipeline.Images.GetValueOrDefault(Host) ?? $"{SdkImage}:{pipeline.SdkChannel ?? DefaultSdkChannel}";

    private static YamlMappingNode Cache(CiPipeline pipeline) => Map(
        ("key", Map(("files", Seq([.. pipeline.NuGetCacheKeyFiles.Take(CacheKeyFileLimit)])), ("prefix", Scalar("nuget")))),
        ("paths", Seq(NuGetPackages)));

    private IReadOnlyList<string> Comment(CiPipeline pipeline)
    {
        var settings = Settings(pipeline);
        List<string> lines = [.. CiText.Header(pipeline)];
        if (settings.Count > 0)
        {
            lines.AddRange(["", "Settings to apply in GitLab (.gitlab-ci.yml cannot express them):", .. settings.Select(s => $"- {s}")]);
        }

        if (pipeline.NuGetCacheKeyFiles.Count > CacheKeyFileLimit)
        {
            lines.AddRange([
                "",
                $"The NuGet cache is keyed on {string.Join(" and ", pipeline.NuGetCacheKeyFiles.Take(CacheKeyFileLimit))} only: " +
                $"GitLab keys a cache on at most {CacheKeyFileLimit} files ({string.Join(", ", pipeline.NuGetCacheKeyFiles.Skip(CacheKeyFileLimit))} left out).",
            ]);
        }

        if (pipeline.Jobs.Any(j => j.Outputs.Count > 0))
        {
            lines.AddRange([
                "",
                $"Jobs that make a candidate export its digest in {GitLabCi.DotEnvPath} (a dotenv report); the jobs that download it verify the bytes against it.",
            ]);
        }

        return lines;
    }
}
