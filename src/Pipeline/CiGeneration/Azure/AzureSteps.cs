using YamlDotNet.RepresentationModel;
using static Pipeline.CiGeneration.CiYaml;

namespace Pipeline.CiGeneration.Azure;

/// <summary>The steps of a job, in the order every job runs them (see <see cref="AzureStages"/>).</summary>
internal static class AzureSteps
{
    /// <summary>
    /// The repository with its whole history and tags (versions come from them); a job that pushes the delivery
    /// records keeps the build service's credentials for that push, the only job that does.
    /// </summary>
    public static YamlNode Checkout(CiJob job) => Map(
        ("checkout", Scalar("self")),
        ("displayName", Scalar("Check out with full history")),
        ("fetchDepth", Number(0)),
        ("fetchTags", Bool(true)),
        ("persistCredentials", job.WritesRecords ? Bool(true) : null));

    /// <summary>A deployment job downloads every artifact of the run by default: it gets only what it names.</summary>
    public static YamlNode NoAutomaticDownload() => Map(("download", Scalar("none")));

    public static YamlNode DotNetSdk() => Task(
        "UseDotNet@2",
        ".NET SDK from global.json",
        inputs: Map(("packageType", Scalar("sdk")), ("useGlobalJson", Bool(true))));

    public static YamlNode NuGetCache(CiPipeline pipeline)
    {
        const string prefix = "nuget | \"$(Agent.OS)\"";
        return Task(
            "Cache@2",
            "NuGet cache",
            inputs: Map(
                ("key", Scalar($"{prefix} | {string.Join(',', pipeline.NuGetCacheKeyFiles)}")),
                ("restoreKeys", Scalar(prefix)),
                ("path", Scalar($"$({AzureNames.NuGetPackages})"))));
    }

    /// <summary>First of the job's own steps: a file that no longer matches the script fails the run here.</summary>
    public static YamlNode CheckCi() => Script("./build.sh --check-ci", "Generated CI files match build script");

    public static YamlNode Download(string name, CiArtifact artifact) => Task(
        "DownloadPipelineArtifact@2",
        $"Download {name}",
        inputs: Map(
            ("buildType", Scalar("current")),
            ("artifactName", Scalar(name)),
            ("targetPath", Scalar(AzureNames.InSources(artifact.Path)))));

    /// <summary>The downloaded candidate against its manifest and the digest its uploading job exported; a mismatch fails the job.</summary>
    public static YamlNode Verify(CiArtifact artifact, CiJob producer) => Map(
        ("script", Scalar($"./build.sh --verify-artifact {CiText.ShellQuote(artifact.Path)} --expect-digest \"$EXPECTED_DIGEST\"")),
        ("displayName", Scalar($"Verify {artifact.Name} against the digest of {producer.Id}")),
        ("env", Map(("EXPECTED_DIGEST", Scalar($"$({AzureNames.DigestVariable(producer)})")))));

    /// <summary>
    /// The job's targets. Named, so the outputs the runner sets are readable by later stages; the secrets the job's
    /// targets require are mapped here and nowhere else (Azure gives a script no secret it does not map).
    /// </summary>
    public static YamlNode Build(CiJob job) => Map(
        ("script", Scalar(job.CommandLine(job.Partition is null ? null : AzureNames.PartitionArgument))),
        ("name", Scalar(AzureNames.BuildStep)),
        ("displayName", Scalar($"./build.sh {string.Join(' ', job.Targets)}")),
        ("env", job.Secrets.Count == 0 ? null : Map([.. job.Secrets.Select(s => (s, (YamlNode?)Scalar($"$({s})")))])));

    /// <summary>Partition results are published also when the slice failed: they say what failed.</summary>
    public static YamlNode Publish(CiArtifact artifact, CiJob job) => Task(
        "PublishPipelineArtifact@1",
        $"Upload {artifact.Name}",
        condition: job.Partition is null ? null : "succeededOrFailed()",
        inputs: Map(
            ("targetPath", Scalar(AzureNames.InSources(artifact.Path))),
            ("artifact", Scalar(AzureNames.Publishing(artifact, job))),
            ("publishLocation", Scalar("pipeline"))));

    /// <summary>The run report, kept whatever happened (a failed run is the one worth looking at): the job summary links the run's artifacts tab.</summary>
    public static YamlNode PublishReport(CiJob job) => Task(
        "PublishPipelineArtifact@1",
        "Upload the run report",
        condition: "always()",
        inputs: Map(
            ("targetPath", Scalar(AzureNames.InSources(CiText.ReportPath))),
            ("artifact", Scalar(job.Partition is null ? CiText.ReportArtifact(job) : $"{CiText.ReportArtifact(job)}-$(System.JobPositionInPhase)")),
            ("publishLocation", Scalar("pipeline"))));

    private static YamlMappingNode Script(string script, string displayName) =>
        Map(("script", Scalar(script)), ("displayName", Scalar(displayName)));

    private static YamlMappingNode Task(string task, string displayName, YamlNode inputs, string? condition = null) => Map(
        ("task", Scalar(task)),
        ("displayName", Scalar(displayName)),
        ("condition", condition is null ? null : Scalar(condition)),
        ("inputs", inputs));
}
