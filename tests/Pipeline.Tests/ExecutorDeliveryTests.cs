using Pipeline.Delivery;
using Pipeline.Execution;

namespace Pipeline.Tests;

public class ExecutorDeliveryTests
{
    [Fact]
    public async Task A_satisfied_target_is_skipped_with_its_reason_and_its_dependents_run()
    {
        var build = new Build();
        var packaged = false;
        var package = build.Target("Package").Executes(() => packaged = true);
        var released = false;
        build.Target("Release").DependsOn(package).Executes(() => released = true);
        var satisfied = new Dictionary<Target, string> { [package] = "satisfied by candidate 1.0.0 sha256:abc" };

        var run = await Runs.RunAsync(build, new RecordingObserver(), new ExecutorOptions(1, false, satisfied), ["Release"]);

        Assert.False(packaged);
        Assert.Equal(TargetOutcome.Skipped, run.Outcome("Package"));
        Assert.Equal("satisfied by candidate 1.0.0 sha256:abc", run.Result("Package").Reason);
        Assert.True(released);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
    }

    [Fact]
    public async Task A_refused_release_exits_with_3_even_when_failure_is_allowed()
    {
        var build = new Build();
        build.Target("Release").AllowFailure().Executes(() => throw new ReleaseRefusedException("Refused: approval"));

        var run = await Runs.RunAsync(build, "Release");

        Assert.True(run.Result("Release").Refused);
        Assert.Equal("Refused: approval", run.Result("Release").Reason);
        Assert.Null(run.Result("Release").Location);
        Assert.Equal(ExitCodes.Refused, run.ExitCode);
    }

    [Fact]
    public async Task A_real_failure_beside_a_refusal_exits_with_1()
    {
        var build = new Build();
        build.Target("Lint").Executes(() => throw new InvalidOperationException("lint failed"));
        build.Target("Release").Executes(() => throw new ReleaseRefusedException("Refused: approval"));

        var run = await Runs.RunAsync(build, new RecordingObserver(), new ExecutorOptions(1, true), ["Lint", "Release"]);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
    }
}
