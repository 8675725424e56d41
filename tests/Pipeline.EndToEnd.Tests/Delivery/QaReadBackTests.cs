using Pipeline.EndToEnd.Tests.Infrastructure;

using static Pipeline.EndToEnd.Tests.Delivery.ReleaseTestKit;

namespace Pipeline.EndToEnd.Tests.Delivery;

/// <summary>
/// What QA holds, read back: a runner that never ran PublishQa promotes the bytes another runner put in QA (found
/// through the shared records, verified, never rebuilt), and a file changed in QA after it passed refuses a release.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class QaReadBackTests
{
    private const string Deployment = "new ReleasePolicy().ContinuousDeployment()";

    [Fact]
    public async Task A_fresh_clone_promotes_the_candidate_another_clone_put_in_QA_with_the_same_bytes_and_without_packaging()
    {
        using var shared = new TempRepo(script: null);
        var qaFolder = shared.CreateFolder("qa");
        using var first = await DeliveryRepo.CreateAsync(Deployment, extra: SharedQaRecordsOnGit(qaFolder));
        var origin = shared.Path("origin.git");
        await first.GitAsync("init", "--quiet", "--bare", "--initial-branch=main", origin);
        await first.GitAsync("remote", "add", "origin", origin);
        await first.GitAsync("push", "--quiet", "origin", "main");

        var published = await first.RunAsync("PublishQa");
        published.ShouldExitWith(0);
        var evidence = Records(first, "qa")[^1];
        Assert.Equal("qa", Text(evidence, "kind"));
        var (version, digest) = (Text(evidence, "version"), Text(evidence, "digest"));
        var built = Sha256(first.Repository.Path($"artifacts/packages/App.{version}.nupkg"));

        using var second = new TempRepo(script: null);
        await Git(shared.Root, "clone", "--quiet", origin, second.Root);
        var released = await second.RunAsync("Release");

        released.ShouldExitWith(0);
        Assert.Equal("skipped", released.OutcomeOf("Package"));
        Assert.Equal("skipped", released.OutcomeOf("PublishQa"));
        Assert.False(second.Exists("artifacts/packages"), $"The fresh clone packaged a candidate.{Environment.NewLine}{released}");
        released.OutputShouldContain($"Read {version} {digest} back from qa: 1 files from {qaFolder}/{version}, each verified against the recorded manifest");
        released.OutputShouldContain($"Released {version} {digest} to production");
        var unchanged = Rule(released, "qa-unchanged");
        Assert.True(unchanged.Passed, released.ToString());
        Assert.Equal(built, Sha256(second.Path($"artifacts/environments/production/{version}/App.{version}.nupkg")));
    }

    [Fact]
    public async Task A_fresh_clone_asked_for_a_candidate_QA_no_longer_holds_is_refused_and_builds_nothing()
    {
        using var shared = new TempRepo(script: null);
        var qaFolder = shared.CreateFolder("qa");
        var qaRecords = shared.CreateFolder("records/qa");
        using var first = await DeliveryRepo.CreateAsync(Deployment, extra: SharedQa(qaFolder, qaRecords));
        var origin = shared.Path("origin.git");
        await first.GitAsync("init", "--quiet", "--bare", "--initial-branch=main", origin);
        await first.GitAsync("remote", "add", "origin", origin);
        await first.GitAsync("push", "--quiet", "origin", "main");
        (await first.RunAsync("PublishQa")).ShouldExitWith(0);
        var version = Path.GetFileName(Assert.Single(Directory.GetDirectories(qaFolder)));
        Directory.Delete(Path.Combine(qaFolder, version), recursive: true);

        using var second = new TempRepo(script: null);
        await Git(shared.Root, "clone", "--quiet", origin, second.Root);
        var refused = await second.RunAsync("Release", "--candidate", version);

        refused.ShouldExitWith(3);
        refused.ShouldShowNoStackTrace();
        refused.ShouldHaveRunNoTarget();
        refused.ErrorShouldContain($"are not in this runner's candidate store ({second.Path("artifacts/candidates")}), and no environment gives them back whole (qa: {qaFolder}/{version} does not exist;");
        refused.ErrorShouldContain("A candidate is never rebuilt for a release");
        Assert.False(second.Exists("artifacts/packages"), refused.ToString());
    }

    [Fact]
    public async Task A_file_changed_in_QA_after_its_checks_passed_refuses_the_release_naming_the_file()
    {
        using var repo = await DeliveryRepo.CreateAsync(Deployment);
        (await repo.RunAsync("PublishQa")).ShouldExitWith(0);
        var version = Text(Records(repo, "qa")[^1], "version");
        File.AppendAllText(repo.Repository.Path($"artifacts/environments/qa/{version}/App.{version}.nupkg"), "patched in QA");

        var refused = await repo.RunAsync("Release");

        ShouldBeRefusedBy(refused, repo, "qa-unchanged");
        Assert.StartsWith($"qa no longer holds what passed its checks: changed: App.{version}.nupkg (sha256 ", Rule(refused, "qa-unchanged").Detail, StringComparison.Ordinal);
        Assert.False(repo.Repository.Exists($"artifacts/environments/production/{version}"), refused.ToString());
    }

    [Fact]
    public async Task A_package_replaced_in_a_QA_NuGet_feed_refuses_the_release_and_an_untouched_feed_allows_it()
    {
        using var feeds = new TempRepo(script: null);
        var feed = feeds.CreateFolder("qa-feed");
        using var repo = await DeliveryRepo.CreateAsync(
            Deployment,
            extra: $$"""qa.DeploysWith(Deployers.NuGetFeed(@"{{feed}}"));""");
        (await repo.RunAsync("PublishQa")).ShouldExitWith(0);
        var version = Text(Records(repo, "qa")[^1], "version");

        var dryRun = await repo.RunAsync("Release", "--dry-run");
        dryRun.ShouldExitWith(0);
        Assert.Equal($"qa still holds {Text(Records(repo, "qa")[^1], "digest")}: 1 files from {feed} match", Rule(dryRun, "qa-unchanged").Detail);

        File.WriteAllText(Path.Combine(feed, $"App.{version}.nupkg"), "another package under the same name");
        var refused = await repo.RunAsync("Release");

        ShouldBeRefusedBy(refused, repo, "qa-unchanged");
        Assert.StartsWith($"qa no longer holds what passed its checks: changed: App.{version}.nupkg (sha256 ", Rule(refused, "qa-unchanged").Detail, StringComparison.Ordinal);
    }

    /// <summary>QA deploys into a folder outside the clone that every clone of it names; every record is on origin's records ref.</summary>
    private static string SharedQaRecordsOnGit(string folder) =>
        $$"""qa.DeploysWith(Deployers.Folder(AbsolutePath.From(@"{{folder}}"))); RecordsIn(RecordsBackend.Git());""";

    /// <summary>QA deploys into, and keeps its records in, folders outside the clone that every clone of it names.</summary>
    private static string SharedQa(string folder, string records) =>
        $$"""qa.DeploysWith(Deployers.Folder(AbsolutePath.From(@"{{folder}}"))).RecordsIn(AbsolutePath.From(@"{{records}}"));""";

    private static async Task Git(string directory, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)} failed: {error}");
    }
}
