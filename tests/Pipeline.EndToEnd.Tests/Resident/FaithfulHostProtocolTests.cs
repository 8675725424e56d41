using System.Runtime.CompilerServices;
using Pipeline.EndToEnd.Tests.Hosts;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Resident;

/// <summary>
/// CI host dialects through the resident runner: the builds of <see cref="HostProtocolTests"/>, run through the native
/// client in the host's environment, leave exactly the verified snapshots of the in-process runs (stdout, stderr and
/// every file the host reads: groups, annotations, outputs, the job summary). The hosts whose protocol writes the most.
/// </summary>
public sealed class FaithfulHostProtocolTests(SharedRepo shared, SharedResidentRunners resident) : IClassFixture<SharedRepo>, IClassFixture<SharedResidentRunners>
{
    private readonly TempRepo _repo = shared.With(HostProtocolTests.Script);

    public static TheoryData<string> Hosts => new() { "github-actions", "gitlab", "azure-pipelines" };

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task A_succeeding_build_through_the_resident_runner_leaves_the_in_process_snapshot(string host)
    {
        var run = await HostRun.StartAsync(_repo, HostFixtures.For(host), resident.Runners, "--host", host, "Pack");

        run.Result.ShouldExitWith(0);
        RouteChecks.ShouldHaveARunnerListening(resident.Runners, run.Result);
        Snapshot.Verify(run.Describe(), host, nameof(HostProtocolTests.Succeeding_build), HostProtocolTestsFile());
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task A_failing_build_through_the_resident_runner_leaves_the_in_process_snapshot(string host)
    {
        var run = await HostRun.StartAsync(_repo, HostFixtures.For(host), resident.Runners, "--host", host, "Publish", "Teardown");

        run.Result.ShouldExitWith(1);
        RouteChecks.ShouldHaveARunnerListening(resident.Runners, run.Result);
        Snapshot.Verify(run.Describe(), host, nameof(HostProtocolTests.Failing_build), HostProtocolTestsFile());
    }

    /// <summary>The in-process tests' source file, next to which their snapshots are stored.</summary>
    private static string HostProtocolTestsFile([CallerFilePath] string self = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(self))!, "Hosts", "HostProtocolTests.cs");
}
