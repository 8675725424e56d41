using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using static Pipeline.CiGeneration.CiYaml;

namespace Pipeline.CiGeneration.GitHub;

/// <summary>
/// A job's steps, in the order every host's jobs share: check out, install the SDK, restore the NuGet cache, fail
/// when the CI files are stale, download and verify, run <c>./build.sh</c>, upload.
/// </summary>
internal static partial class GitHubSteps
{
    /// <summary>The id of the step that runs <c>./build.sh</c>: the job's outputs are read from it.</summary>
    public const string BuildStepId = "build";

    /// <summary>The matrix variable of a partitioned job: 1 to the partition count.</summary>
    public const string PartitionVariable = "partition";

    public static IEnumerable<YamlNode> Of(CiPipeline pipeline, CiJob job)
    {
        // Versions come from tags and history: a shallow clone would version every build 0.0.0.
        yield return Step("Check out the full history", uses: "actions/checkout@v4", with: Map(("fetch-depth", Number(0))));
        if (pipeline.HasGlobalJson)
        {
            yield return Step("Install the .NET SDK of global.json", uses: "actions/setup-dotnet@v4", with: Map(("global-json-file", Scalar("global.json"))));
        }

        var hash = GitHubExpressions.Of($"hashFiles({string.Join(", ", pipeline.NuGetCacheKeyFiles.Select(f => $"'{f}'"))})");
        var os = GitHubExpressions.Of("runner.os");
        yield return Step("Cache NuGet packages", uses: "actions/cache@v4", with: Map(
            ("path", Scalar("~/.nuget/packages")),
            ("key", Scalar($"nuget-{os}-{hash}")),
            ("restore-keys", Scalar($"nuget-{os}-"))));
        yield return Step("Fail if the CI files are stale", run: "./build.sh --check-ci");

        foreach (var artifact in job.Downloads)
        {
            foreach (var step in Download(pipeline, artifact))
            {
                yield return step;
            }
        }

        var partition = job.Partition is null ? null : $"{GitHubExpressions.Of($"matrix.{PartitionVariable}")}/{job.Partition.Count}";
        yield return Step(
            $"Run {string.Join(", ", job.Targets)}",
            id: BuildStepId,
            env: BuildEnvironment(job),
            run: job.CommandLine(partition));

        foreach (var artifact in job.Uploads)
        {
            yield return Upload(job, artifact);
        }

        yield return UploadReport(job);
    }

    /// <summary>
    /// The run report, kept whatever happened (a failed run is the one worth looking at); the job summary links the run's
    /// artifacts. Each job (and partition) under its own name; none when the run never started.
    /// </summary>
    private static YamlMappingNode UploadReport(CiJob job)
    {
        var name = job.Partition is null ? CiText.ReportArtifact(job) : $"{CiText.ReportArtifact(job)}.{GitHubExpressions.Of($"matrix.{PartitionVariable}")}";
        return Step("Upload the run report", @if: GitHubExpressions.Of("always()"), uses: "actions/upload-artifact@v4", with: Map(
            ("name", Scalar(name)),
            ("path", Scalar(CiText.ReportPath)),
            ("if-no-files-found", Scalar("ignore"))));
    }

    private static IEnumerable<YamlNode> Download(CiPipeline pipeline, CiArtifact artifact)
    {
        var producer = pipeline.Jobs.Single(j => j.Id == artifact.FromJob);
        if (producer.Partition is not null && !artifact.IsCandidate)
        {
            // Every slice's results, merged into the one folder the run that merges them reads.
            yield return Step($"Download the results of {producer.Id}'s partitions", uses: "actions/download-artifact@v4", with: Map(
                ("pattern", Scalar($"{artifact.Name}.*")),
                ("path", Scalar(artifact.Path)),
                ("merge-multiple", Bool(true))));
            yield break;
        }

        yield return Step($"Download {artifact.Name}", uses: "actions/download-artifact@v4", with: Map(
            ("name", Scalar(artifact.Name)),
            ("path", Scalar(artifact.Path))));
        if (artifact.IsCandidate)
        {
            // The bytes must be the ones the uploading job made: its manifest and the digest it exported.
            yield return Step(
                $"Verify {artifact.Name} against its manifest and {artifact.FromJob}'s digest",
                env: Map(("EXPECTED_DIGEST", Scalar(GitHubExpressions.Of($"needs.{artifact.FromJob}.outputs.{CiPipelinePlanner.CandidateDigestOutput}")))),
                run: $"./build.sh --verify-artifact {CiText.ShellQuote(artifact.Path)} --expect-digest \"$EXPECTED_DIGEST\"");
        }
    }

    private static YamlMappingNode Upload(CiJob job, CiArtifact artifact)
    {
        if (job.Partition is not null && !artifact.IsCandidate)
        {
            // A slice's results are worth keeping when its tests failed; each slice uploads under its own name.
            var index = GitHubExpressions.Of($"matrix.{PartitionVariable}");
            return Step($"Upload the results of partition {index}", @if: GitHubExpressions.Of("!cancelled()"), uses: "actions/upload-artifact@v4", with: Map(
                ("name", Scalar($"{artifact.Name}.{index}")),
                ("path", Scalar(artifact.Path))));
        }

        // A candidate is uploaded whole (hidden files too) or not at all: the job that downloads it verifies every file.
        return Step($"Upload {artifact.Name}", uses: "actions/upload-artifact@v4", with: Map(
            ("name", Scalar(artifact.Name)),
            ("path", Scalar(artifact.Path)),
            ("if-no-files-found", artifact.IsCandidate ? Scalar("error") : null),
            ("include-hidden-files", artifact.IsCandidate ? Bool(true) : null)));
    }

    /// <summary>The secrets the job's targets require, and for a release the token that reads the run's approvals.</summary>
    private static YamlMappingNode? BuildEnvironment(CiJob job)
    {
        var entries = new List<(string, YamlNode?)>();
        foreach (var secret in job.Secrets)
        {
            if (!SecretName().IsMatch(secret))
            {
                throw new BuildDefinitionException(
                    $"The secret variable '{secret}' of CI job '{job.Id}' cannot be a GitHub secret: use letters, digits and underscores, not starting with a digit (e.g. NUGET_API_KEY).");
            }

            entries.Add((secret, Scalar(GitHubExpressions.Of($"secrets.{secret}"))));
        }

        if (job.Deployment is { IsProduction: true })
        {
            entries.Add(("PIPELINE_GITHUB_TOKEN", Scalar(GitHubExpressions.Of("github.token"))));
        }

        return entries.Count == 0 ? null : Map([.. entries]);
    }

    private static YamlMappingNode Step(string name, string? id = null, string? @if = null, string? uses = null, YamlMappingNode? with = null, YamlMappingNode? env = null, string? run = null) =>
        Map(
            ("name", Scalar(name)),
            ("id", id is null ? null : Scalar(id)),
            ("if", @if is null ? null : Scalar(@if)),
            ("uses", uses is null ? null : Scalar(uses)),
            ("with", with),
            ("env", env),
            ("run", run is null ? null : Scalar(run)));

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex SecretName();
}
