using System.Text;

namespace Pipeline.EndToEnd.Tests.Delivery;

/// <summary>
/// Production pushes to a NuGet folder feed with an API key: the package arrives, a second release publishes
/// nothing, and the key is nowhere: not in the output, the ledgers, the run's summary or any other file.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class DeploymentSecretTests
{
    private const string ApiKey = "s3cr3t-key-value";

    // NuGetFeed registers the key as a secret; it comes from the environment, as on a CI host.
    private const string FeedDeployer = """.DeploysWith(Deployers.NuGetFeed(Root / "feed", Environment.GetEnvironmentVariable("PIPELINE_NUGET_API_KEY")))""";

    private static readonly Dictionary<string, string?> WithApiKey = new() { ["PIPELINE_NUGET_API_KEY"] = ApiKey };

    [Fact]
    public async Task Release_pushes_the_package_to_the_feed_once_and_the_api_key_appears_nowhere()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment()", production: FeedDeployer);
        repo.Repository.CreateFolder("feed");

        var first = await repo.RunAsync(WithApiKey, "Release");

        ReleaseTestKit.ShouldBeReleased(first, repo);
        first.OutputShouldContain("to production (NuGet feed ");

        // The key was used, masked: without it the absence of the key below would prove nothing.
        first.OutputShouldContain("--api-key ****");
        var version = ReleaseTestKit.Records(repo, "production").Last().GetProperty("version").GetString()!;
        var pushed = Assert.Single(Directory.GetFiles(repo.Repository.Path("feed"), "*.nupkg", SearchOption.AllDirectories));
        Assert.Equal($"app.{version}.nupkg", Path.GetFileName(pushed), ignoreCase: true);
        var pushedBytes = File.ReadAllBytes(pushed);

        var second = await repo.RunAsync(WithApiKey, "Release");

        second.ShouldExitWith(0);
        second.OutputShouldContain($"{version} sha256:");
        second.OutputShouldContain("is already in production: nothing published again.");
        var last = ReleaseTestKit.Records(repo, "production").Last();
        Assert.Equal("release", last.GetProperty("kind").GetString());
        Assert.Equal("already-present", last.GetProperty("outcome").GetString());
        Assert.Equal(pushed, Assert.Single(Directory.GetFiles(repo.Repository.Path("feed"), "*.nupkg", SearchOption.AllDirectories)));
        Assert.Equal(pushedBytes, File.ReadAllBytes(pushed));

        foreach (var run in new[] { first, second })
        {
            run.OutputShouldNotContain(ApiKey);
        }

        Assert.True(repo.Repository.Exists("artifacts/summary.md"), "The run wrote no summary.");
        var leaks = FilesContaining(repo.Root, ApiKey);
        Assert.True(leaks.Count == 0, $"The API key was written to: {string.Join(", ", leaks)}");
    }

    [Fact]
    public async Task First_release_to_a_folder_feed_that_does_not_exist_yet_creates_it()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment()", production: FeedDeployer);

        var result = await repo.RunAsync(WithApiKey, "Release");

        ReleaseTestKit.ShouldBeReleased(result, repo);
        Assert.Single(Directory.GetFiles(repo.Repository.Path("feed"), "*.nupkg", SearchOption.AllDirectories));
        result.OutputShouldNotContain(ApiKey);
    }

    /// <summary>Every file under <paramref name="root"/> (ledgers, summary, manifests, feed; not .git) that holds <paramref name="text"/>.</summary>
    private static List<string> FilesContaining(string root, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return
        [
            .. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Where(path => !Path.GetRelativePath(root, path).StartsWith(".git" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .Where(path => File.ReadAllBytes(path).AsSpan().IndexOf(needle) >= 0)
                .Select(path => Path.GetRelativePath(root, path)),
        ];
    }
}
