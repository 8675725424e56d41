using Pipeline.CiGeneration;
using Pipeline.Delivery;

namespace Pipeline.Testing;

/// <summary>
/// Pipelines of several shapes for the CI writers' tests, built as a script builds them: a <see cref="Build"/>
/// planned by <see cref="CiPipelinePlanner"/>.
/// </summary>
internal static class CiSamples
{
    /// <summary>
    /// The delivery script of the README with its Test target in four partitions: a job per slice, merged by the
    /// build job that packages the candidate, then QA and the release, which requires the feed's key; in a
    /// repository that pins its SDK in global.json.
    /// </summary>
    public static CiPipeline DeliveryWithPartitionedTests() =>
        PlannedDelivery(configure: (_, targets) => targets["Test"].Partition(4)) with { HasGlobalJson = true, SdkChannel = "10.0" };

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
