using YamlDotNet.RepresentationModel;
using static Pipeline.CiGeneration.CiYaml;

namespace Pipeline.CiGeneration.GitHub;

/// <summary>
/// Writes <c>.github/workflows/pipeline.yml</c>: the triggers, then one workflow job per <see cref="CiJob"/>,
/// read-only by default. Forgejo and Gitea Actions run the same file; what they ignore is said in
/// <see cref="Settings"/>.
/// </summary>
internal sealed class GitHubWorkflowWriter : ICiFileWriter
{
    public CiHostKind Host => CiHostKind.GitHubActions;

    public string RelativePath => ".github/workflows/pipeline.yml";

    public string Write(CiPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var jobs = new YamlMappingNode();
        foreach (var job in pipeline.Jobs)
        {
            jobs.Add(job.Id, GitHubJob.Of(pipeline, job));
        }

        var workflow = Map(
            ("name", Scalar("Pipeline")),
            ("on", GitHubTriggers.Of(pipeline)),

            // Every job reads; the jobs that push the delivery records ask for more themselves.
            ("permissions", Map(("contents", Scalar("read")))),

            // bash on every runner, Windows included, so ./build.sh and the quoting below mean the same everywhere.
            ("defaults", Map(("run", Map(("shell", Scalar("bash")))))),
            ("jobs", jobs));
        return CiYaml.Write(workflow, [.. CiText.Header(pipeline), string.Empty, "Settings to apply in GitHub (a workflow file cannot hold them):", .. Settings(pipeline)]);
    }

    public IReadOnlyList<string> Settings(CiPipeline pipeline) => GitHubSettings.Of(pipeline);
}
