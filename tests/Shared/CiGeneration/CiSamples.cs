using Pipeline.CiGeneration;
using Pipeline.Delivery;

namespace Pipeline.Testing;

/// <summary>
/// Pipelines of several shapes for the CI writers' tests: built as a script would build them (a <see cref="Build"/>
/// planned by <see cref="CiPipelinePlanner"/>), or as the model directly where the script cannot say it yet.
/// </summary>
internal static class CiSamples
{
    /// <summary>
    /// Compile, Test (in four partitions) and Package in a build job, the candidate published to QA, then released
    /// to production with continuous delivery by a target that requires a secret.
    /// </summary>
    public static CiPipeline DeliveryWithPartitionedTests()
    {
        var candidate = new CiArtifact("candidate-qa", "artifacts/packages", "build", IsCandidate: true);
        var partitions = new CiArtifact("partition-test", "artifacts/partitions", "test", IsCandidate: false);
        KeyValuePair<string, string>[] records = [new("PIPELINE_RECORDS", "git")];
        return new CiPipeline
        {
            ScriptPath = "build/build.csx",
            DefaultBranch = "main",
            Triggers = CiTrigger.Defaults,
            HasGlobalJson = true,
            SdkChannel = "10.0",
            NuGetCacheKeyFiles = ["**/*.csproj", "**/*.props", "global.json"],
            Jobs =
            [
                new CiJob { Id = "test", Targets = ["Test"], Partition = new CiPartition("Test", 4), Uploads = [partitions], RunsOnPullRequests = true },
                new CiJob
                {
                    Id = "build", Targets = ["Package"], Satisfied = ["Test"], Needs = ["test"], Downloads = [partitions], Uploads = [candidate],
                    Outputs = [CiPipelinePlanner.CandidateDigestOutput], RunsOnPullRequests = true,
                },
                new CiJob
                {
                    Id = "publish-qa", Targets = ["PublishQa"], Satisfied = ["Compile", "Test", "Package"], Needs = ["build"], Downloads = [candidate],
                    Deployment = new CiDeployment("qa", EnvironmentKind.Qa, false), WritesRecords = true, Variables = records,
                },
                new CiJob
                {
                    Id = "release", Targets = ["Release"], Satisfied = ["Compile", "Test", "Package", "PublishQa"], Needs = ["publish-qa"],
                    Deployment = new CiDeployment("production", EnvironmentKind.Production, true), Secrets = ["PIPELINE_NUGET_API_KEY"],
                    WritesRecords = true, Variables = records,
                },
            ],
        };
    }

    /// <summary>
    /// The delivery script of the README: Compile, Test, Package; PublishQa to QA; Release to production, which
    /// requires the feed's key. <paramref name="configure"/> adds to the script's CI configuration.
    /// </summary>
    public static CiPipeline PlannedDelivery(ReleasePolicy? policy = null, Action<Build, IReadOnlyDictionary<string, Target>>? configure = null)
    {
        // A folder that does not exist: no global.json, so the plan does not depend on the machine.
        var build = new Build(AbsolutePath.From(Path.Combine(Path.GetTempPath(), $"ci-sample-{Guid.NewGuid():N}")));
        var compile = build.Target("Compile");
        var test = build.Target("Test").DependsOn(compile);
        var package = build.Target("Package").DependsOn(compile, test);
        var qa = build.QaEnvironment("qa");
        var production = build.ProductionEnvironment("production");
        var apiKey = build.Secret("nuget-api-key", "Key of the production feed.");
        var publishQa = build.Target("PublishQa").DependsOn(package).PublishesTo(qa, build.Root / "artifacts" / "packages");
        var release = build.Target("Release").DependsOn(publishQa).Requires(apiKey).Promotes(qa, production, policy ?? new ReleasePolicy().ContinuousDelivery());
        build.Ci.GitHubActions();
        configure?.Invoke(build, new Dictionary<string, Target>
        {
            ["Compile"] = compile, ["Test"] = test, ["Package"] = package, ["PublishQa"] = publishQa, ["Release"] = release,
        });
        return CiPipelinePlanner.Plan(build, "build/build.csx", "main");
    }

    /// <summary>One job that runs the default target, started by <paramref name="triggers"/>.</summary>
    public static CiPipeline SingleJob(Action<CiConfiguration> triggers)
    {
        var build = new Build(AbsolutePath.From(Path.Combine(Path.GetTempPath(), $"ci-sample-{Guid.NewGuid():N}")));
        var compile = build.Target("Compile");
        build.Default(build.Target("Test").DependsOn(compile));
        triggers(build.Ci.GitHubActions());
        return CiPipelinePlanner.Plan(build, "build/build.csx", "main");
    }
}
