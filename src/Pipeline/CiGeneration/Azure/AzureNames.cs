namespace Pipeline.CiGeneration.Azure;

/// <summary>How the pipeline's jobs, outputs and artifacts are named in Azure Pipelines' YAML.</summary>
internal static class AzureNames
{
    /// <summary>The variable every job's NuGet cache folder comes from (the NuGet client reads it too).</summary>
    public const string NuGetPackages = "NUGET_PACKAGES";

    /// <summary>The step that runs <c>./build.sh</c> with the job's targets: its outputs are read as <c>build.&lt;name&gt;</c>.</summary>
    public const string BuildStep = "build";

    /// <summary>Azure's predefined variables that number a <c>strategy: parallel</c> copy (from 1) and count them.</summary>
    public const string PartitionArgument = "$(System.JobPositionInPhase)/$(System.TotalJobsInPhase)";

    /// <summary>
    /// A job's stage and job name. Azure allows only letters, digits and underscores there (a dash fails the run),
    /// and job ids have no underscores, so the mapping is one to one.
    /// </summary>
    public static string Of(string jobId) => jobId.Replace('-', '_');

    /// <summary>The job variable that holds the candidate digest <paramref name="producer"/> exported.</summary>
    public static string DigestVariable(CiJob producer) => $"{CiPipelinePlanner.CandidateDigestOutput}_{Of(producer.Id)}";

    /// <summary>
    /// The runtime expression that reads <paramref name="producer"/>'s digest output from a later stage. A deployment
    /// job's outputs are prefixed with its lifecycle job's name (the job's own name for <c>runOnce</c>).
    /// </summary>
    public static string DigestExpression(CiJob producer)
    {
        var name = Of(producer.Id);
        var step = AzureStages.IsDeploymentJob(producer) ? $"{name}.{BuildStep}" : BuildStep;
        return $"$[ stageDependencies.{name}.{name}.outputs['{step}.{CiPipelinePlanner.CandidateDigestOutput}'] ]";
    }

    /// <summary>The names an artifact is published under: one, or one per partition (<c>partition-test-1</c> …).</summary>
    public static IReadOnlyList<string> Published(CiArtifact artifact, CiPipeline pipeline) =>
        pipeline.Jobs.Single(j => j.Id == artifact.FromJob).Partition is { } partition
            ? [.. Enumerable.Range(1, partition.Count).Select(i => $"{artifact.Name}-{i}")]
            : [artifact.Name];

    /// <summary>The name a job publishes <paramref name="artifact"/> under: a partition's own index appended.</summary>
    public static string Publishing(CiArtifact artifact, CiJob job) =>
        job.Partition is null ? artifact.Name : $"{artifact.Name}-$(System.JobPositionInPhase)";

    /// <summary>A path inside the checked-out repository.</summary>
    public static string InSources(string relativePath) => $"$(Build.SourcesDirectory)/{relativePath}";
}
