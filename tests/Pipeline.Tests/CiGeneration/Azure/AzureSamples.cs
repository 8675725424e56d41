using Pipeline.CiGeneration;
using Pipeline.Delivery;

namespace Pipeline.Tests.CiGeneration.Azure;

/// <summary>The pipelines the Azure writer's tests write.</summary>
internal static class AzureSamples
{
    /// <summary>
    /// Compile, a Test target partitioned four ways, Pack; then QA; then Release in continuous delivery, which
    /// requires the NuGet key. The jobs the planner derives for that script: the slices of Test, a build job that
    /// merges them and packs, the QA job that deploys the build job's candidate, and the release job.
    /// </summary>
    public static CiPipeline PartitionedDelivery()
    {
        var candidate = new CiArtifact("candidate-qa", "artifacts/candidate", "build", IsCandidate: true);
        var slices = new CiArtifact("partition-test", "artifacts/partitions", "test", IsCandidate: false);
        KeyValuePair<string, string>[] gitRecords = [new("PIPELINE_RECORDS", "git")];
        return new CiPipeline
        {
            ScriptPath = "build/build.csx",
            DefaultBranch = "main",
            Triggers = [.. CiTrigger.Defaults, new CiTrigger.Schedule("0 3 * * 1")],
            HasGlobalJson = true,
            SdkChannel = "10.0",
            NuGetCacheKeyFiles = ["**/*.csproj", "**/*.props", "global.json"],
            Images = new Dictionary<CiHostKind, string> { [CiHostKind.AzurePipelines] = "ubuntu-24.04" },
            Jobs =
            [
                new CiJob
                {
                    Id = "test",
                    Targets = ["Test"],
                    Partition = new CiPartition("Test", 4),
                    Uploads = [slices],
                    RunsOnPullRequests = true,
                },
                new CiJob
                {
                    Id = "build",
                    Targets = ["Pack"],
                    Satisfied = ["Test"],
                    Needs = ["test"],
                    Downloads = [slices],
                    Uploads = [candidate],
                    Outputs = [CiPipelinePlanner.CandidateDigestOutput],
                    RunsOnPullRequests = true,
                },
                new CiJob
                {
                    Id = "publish-qa",
                    Targets = ["PublishQa"],
                    Satisfied = ["Compile", "Test", "Pack"],
                    Needs = ["build"],
                    Deployment = new CiDeployment("qa", EnvironmentKind.Qa, RequiresApproval: false),
                    Downloads = [candidate],
                    Variables = gitRecords,
                    WritesRecords = true,
                },
                new CiJob
                {
                    Id = "release",
                    Targets = ["Release"],
                    Satisfied = ["Compile", "Test", "Pack", "PublishQa"],
                    Needs = ["publish-qa"],
                    Deployment = new CiDeployment("production", EnvironmentKind.Production, RequiresApproval: true),
                    Secrets = ["NUGET_API_KEY"],
                    Variables = gitRecords,
                    WritesRecords = true,
                },
            ],
        };
    }

    /// <summary>
    /// The same delivery as a script declares it, without the partition, planned by <see cref="CiPipelinePlanner"/>:
    /// what <c>--generate-ci</c> writes for it.
    /// </summary>
    public static CiPipeline PlannedFromScript(string root, Action<CiConfiguration>? configure = null)
    {
        File.WriteAllText(Path.Combine(root, "global.json"), """{ "sdk": { "version": "10.0.100" } }""");
        var build = new Build(AbsolutePath.From(root));
        var apiKey = build.Secret("nuget-api-key", "The key that pushes packages.", "NUGET_API_KEY");
        var compile = build.Target("Compile");
        var test = build.Target("Test").DependsOn(compile);
        var pack = build.Target("Pack").DependsOn(test);
        var qa = build.QaEnvironment();
        var production = build.ProductionEnvironment();
        var publishQa = build.Target("PublishQa").DependsOn(pack).PublishesTo(qa, build.Root / "artifacts" / "candidate");
        build.Target("Release").DependsOn(publishQa).Requires(apiKey).Promotes(qa, production);
        build.Ci.AzurePipelines();
        configure?.Invoke(build.Ci);
        return CiPipelinePlanner.Plan(build, "build/build.csx", "main");
    }
}
