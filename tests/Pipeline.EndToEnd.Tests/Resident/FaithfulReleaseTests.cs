using System.Text.RegularExpressions;
using Pipeline.EndToEnd.Tests.Delivery;
using Pipeline.EndToEnd.Tests.Hosts;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Resident;

/// <summary>A release refused by its policy (no approval) says the same, byte for byte, and exits 3 in-process and through the resident runner.</summary>
public sealed partial class FaithfulReleaseTests
{
    [Fact]
    public async Task A_refused_release_is_the_same_bytes_and_exit_code_3_both_ways()
    {
        using var repo = await DeliveryRepo.CreateAsync(packed: false);
        await using var runners = new ResidentRunners();

        // Published to qa first, so both releases find the candidate that passed qa and go straight to the policy.
        (await PipelineRunner.RunAsync(repo.Root, ["PublishQa"])).ShouldExitWith(0);
        var inProcess = await PipelineRunner.RunAsync(repo.Root, ["Release"]);
        var through = await PipelineRunner.RunAsync(repo.Root, ["Release"], through: runners);

        inProcess.ShouldExitWith(3);
        RouteChecks.ShouldHaveARunnerListening(runners, through);
        inProcess.ShouldShowNoStackTrace();
        inProcess.OutputShouldContain("FAIL  approval");
        SameBytes.ShouldMatch(inProcess, through, text => Time().Replace(HostRun.Normalise(text, repo.Root), "<time>"));
    }

    /// <summary>When qa's checks passed: each run publishes to qa again before it asks to release.</summary>
    [GeneratedRegex(@"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC")]
    private static partial Regex Time();
}
