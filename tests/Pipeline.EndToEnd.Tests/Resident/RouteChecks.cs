using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Resident;

/// <summary>
/// That a run meant to go through the resident runner did: a runner listens in its folder afterwards. Without it, a
/// client that fell back to an in-process run would make every both-ways comparison pass without comparing anything.
/// </summary>
internal static class RouteChecks
{
    public static void ShouldHaveARunnerListening(ResidentRunners runners, RunnerResult through) =>
        Assert.True(
            runners.Sockets.Count > 0,
            $"The run did not go through a resident runner: none listens in {runners.Directory}.{Environment.NewLine}{through}");
}
