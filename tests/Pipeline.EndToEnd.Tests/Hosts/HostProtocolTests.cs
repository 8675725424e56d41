using Pipeline.EndToEnd.Tests.Infrastructure;
using Pipeline.Hosts;

namespace Pipeline.EndToEnd.Tests.Hosts;

/// <summary>
/// Every CI host's protocol, end to end: a succeeding and a failing build run with <c>--host NAME</c> in that
/// host's environment for a branch build, snapshotted (stdout, stderr, and every file the run left, the ones
/// the host reads included). Review a changed snapshot as that host would read it: a group opened and closed
/// around each target, well-formed annotations, outputs in the host's format.
/// </summary>
public sealed class HostProtocolTests(SharedRepo shared) : IClassFixture<SharedRepo>
{
    // One script for both builds in one shared repository, so it is compiled once: "Pack" succeeds, "Publish Teardown" fails.
    internal const string Script = """
        var compile = Target("Compile").Executes(() => Console.WriteLine("compiling 3 projects"));
        var pack = Target("Pack").DependsOn(compile).Executes(() =>
        {
            Directory.CreateDirectory("artifacts/packages");
            SetOutput("version", "1.2.3");
            PublishArtifact("artifacts/packages");
            SetBuildNumber("1.2.3");
            Console.WriteLine("packed version 1.2.3");
        });
        var test = Target("Test").DependsOn(compile).Executes(() =>
        {
            Console.WriteLine("running the tests");
            throw new InvalidOperationException("3 tests failed");
        });
        var publish = Target("Publish").DependsOn(test).Executes(() => Console.WriteLine("publishing"));
        var teardown = Target("Teardown").AlwaysRun().After(test, publish).Executes(() => Console.WriteLine("stopping the test services"));
        Default(pack);
        """;

    private readonly TempRepo _repo = shared.With(Script);

    public static TheoryData<string> Hosts => HostFixtures.AllHosts;

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Succeeding_build(string host)
    {
        var run = await HostRun.StartAsync(_repo, HostFixtures.For(host), "--host", host, "Pack");

        run.Result.ShouldExitWith(0);
        run.Result.ShouldShowNoStackTrace();
        Assert.Equal("version=1.2.3\n", _repo.ReadText("artifacts/outputs.env"));
        Assert.Contains("| Pack | succeeded |", _repo.ReadText("artifacts/summary.md"), StringComparison.Ordinal);
        AgentCommandsAreWarnings(run);
        Snapshot.Verify(run.Describe(), host);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Failing_build(string host)
    {
        var run = await HostRun.StartAsync(_repo, HostFixtures.For(host), "--host", host, "Publish", "Teardown");

        run.Result.ShouldExitWith(1);
        run.Result.ShouldShowNoStackTrace();
        Assert.Equal("failed", run.Result.OutcomeOf("Test"));
        Assert.Equal("not run", run.Result.OutcomeOf("Publish"));
        Assert.Equal("succeeded", run.Result.OutcomeOf("Teardown"));
        Assert.Equal(string.Empty, _repo.ReadText("artifacts/outputs.env"));
        AgentCommandsAreWarnings(run);
        Snapshot.Verify(run.Describe(), host);
    }

    /// <summary>
    /// A host whose agent command is not installed (Buildkite, AppVeyor) gets a warning per call, naming the
    /// host, and the build's exit code is unchanged; every other host writes nothing to stderr.
    /// </summary>
    private static void AgentCommandsAreWarnings(HostRun run)
    {
        if (run.Fixture.Host is not ("buildkite" or "appveyor"))
        {
            Assert.True(run.Result.StandardError.Length == 0, $"Unexpected standard error.{Environment.NewLine}{run.Result}");
            return;
        }

        var displayName = HostDetector.Find(run.Fixture.Host)!.DisplayName;
        Assert.StartsWith($"warning: {displayName}: ", run.Result.StandardError, StringComparison.Ordinal);
        var warnings = run.Result.StandardError.Split('\n').Where(l => l.StartsWith("warning:", StringComparison.Ordinal)).ToList();
        // A missing agent is said once, however many times the run would have called it.
        var warning = Assert.Single(warnings);
        Assert.Contains("is not available here", warning, StringComparison.Ordinal);
    }
}
