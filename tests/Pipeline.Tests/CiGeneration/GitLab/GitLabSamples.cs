using Pipeline.CiGeneration;
using Pipeline.Delivery;

namespace Pipeline.Tests.CiGeneration.GitLab;

/// <summary>Sample scripts' CI pipelines, planned from a real <see cref="Build"/> in a temporary repository folder.</summary>
internal static class GitLabSamples
{
    /// <summary>
    /// Compile, Test, Package (writes the release manifest), PublishQa to QA, Release to production behind
    /// <paramref name="policy"/>, a secret Release requires, the default triggers and a schedule.
    /// </summary>
    public static CiPipeline Delivery(TempDirectory folder, ReleasePolicy? policy = null)
    {
        File.WriteAllText(folder.Combine("global.json"), """{ "sdk": { "version": "10.0.100", "rollForward": "latestFeature" } }""");
        var build = new Build(AbsolutePath.From(folder.Path));
        var packages = build.Root / "artifacts" / "packages";
        var compile = build.Target("Compile");
        var test = build.Target("Test").DependsOn(compile);
        var package = build.Target("Package").DependsOn(test);
        var qa = build.QaEnvironment();
        var production = build.ProductionEnvironment();
        var apiKey = build.Secret("nuget-api-key", "The key NuGet.org gives to push packages.", "NUGET_API_KEY");
        var publishQa = build.Target("PublishQa").DependsOn(package).PublishesTo(qa, packages);
        build.Target("Release").DependsOn(publishQa).Requires(apiKey).Promotes(qa, production, policy ?? new ReleasePolicy());
        build.Default(publishQa);
        build.Ci.GitLab().OnPush().OnPullRequests().OnVersionTags().OnManualDispatch().OnSchedule("0 3 * * 1");
        return CiPipelinePlanner.Plan(build, "build/build.csx", "main");
    }
}
