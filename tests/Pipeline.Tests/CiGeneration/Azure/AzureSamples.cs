using Pipeline.CiGeneration;

namespace Pipeline.Tests.CiGeneration.Azure;

/// <summary>The pipelines the Azure writer's tests write, planned by <see cref="CiPipelinePlanner"/> from a script's build.</summary>
internal static class AzureSamples
{
    /// <summary>
    /// Compile, a Test target partitioned four ways, Pack; then QA; then Release in continuous delivery, which
    /// requires the NuGet key; every trigger, a weekly schedule and a pinned image. The planner makes of it the
    /// slices of Test, a build job that merges them and packs, the QA job and the release job.
    /// </summary>
    public static CiPipeline PartitionedDelivery() => Planned(
        partitions: 4,
        ci => ci.AzurePipelines("ubuntu-24.04").OnPush().OnPullRequests().OnVersionTags().OnManualDispatch().OnSchedule("0 3 * * 1"));

    /// <summary>The same delivery without the partition, with the default triggers, or those <paramref name="configure"/> sets.</summary>
    public static CiPipeline PlannedFromScript(Action<CiConfiguration>? configure = null) => Planned(partitions: 1, ci =>
    {
        ci.AzurePipelines();
        configure?.Invoke(ci);
    });

    private static CiPipeline Planned(int partitions, Action<CiConfiguration> configure)
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("global.json"), """{ "sdk": { "version": "10.0.100" } }""");
        var build = new Build(AbsolutePath.From(temp.Path));
        var apiKey = build.Secret("nuget-api-key", "The key that pushes packages.", "NUGET_API_KEY");
        var compile = build.Target("Compile");
        var test = build.Target("Test").DependsOn(compile);
        if (partitions > 1)
        {
            test.Partition(partitions);
        }

        var pack = build.Target("Pack").DependsOn(test);
        var qa = build.QaEnvironment();
        var production = build.ProductionEnvironment();
        var publishQa = build.Target("PublishQa").DependsOn(pack).PublishesTo(qa, build.Root / "artifacts" / "candidate");
        build.Target("Release").DependsOn(publishQa).Requires(apiKey).Promotes(qa, production);
        configure(build.Ci);
        return CiPipelinePlanner.Plan(build, "build/build.csx", "main");
    }
}
