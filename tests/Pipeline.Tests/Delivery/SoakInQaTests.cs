using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Delivery;
using Pipeline.Delivery.Records;
using Pipeline.Hosts;
using Pipeline.Output;
using Pipeline.Secrets;

namespace Pipeline.Tests.Delivery;

/// <summary>
/// <c>SoakInQa</c> in process, on an injected clock: a real repository, candidate and ledgers; the candidate passes
/// QA, its release is refused while it has not soaked long enough, and allowed once the clock has moved on.
/// </summary>
public sealed class SoakInQaTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Release_is_refused_by_soak_until_the_candidate_passed_qa_that_long_ago_and_then_goes_out()
    {
        var root = AbsolutePath.From(_temp.Path);
        await GitAsync("init", "--quiet", "--initial-branch=main");
        await GitAsync("config", "user.email", "dev@example.com");
        await GitAsync("config", "init.defaultBranch", "main");
        File.WriteAllText(_temp.Combine(".gitignore"), "artifacts/\ncandidate/\n");
        await GitAsync("add", "-A");
        await GitAsync("commit", "--quiet", "-m", "Initial commit");

        var build = new Build(root);
        var folder = root / "candidate";
        Directory.CreateDirectory(folder);
        File.WriteAllText(folder / "app.txt", "the app");
        build.WriteReleaseManifest(folder);
        var qa = build.QaEnvironment();
        var production = build.ProductionEnvironment();
        var publishQa = build.Target("PublishQa").PublishesTo(qa, folder);
        var release = build.Target("Release").DependsOn(publishQa)
            .Promotes(qa, production, new ReleasePolicy().ContinuousDeployment().SoakInQa(TimeSpan.FromHours(2)));
        var clock = new FakeTimeProvider(Start);
        var run = new DeliveryRun(build, new DeliveryRequest(), HostEnvironment.From(new Dictionary<string, string>()), new ConsoleDeliveryReport(TextWriter.Null), clock)
        {
            Secrets = new SecretMasker(),
            Records = RecordsStore.For(build, _ => null),
        };

        await publishQa.Delivery!.RunAsync(run, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(90));

        var refused = await Assert.ThrowsAsync<ReleaseRefusedException>(() => release.Delivery!.RunAsync(run, CancellationToken.None));

        Assert.StartsWith("Refused: soak (rule of production;", refused.Message, StringComparison.Ordinal);
        var refusal = run.LedgerOf(production).Read().Records[^1];
        Assert.Equal(LedgerRecordKind.Refusal, refusal.Kind);
        var soak = Assert.Single(refusal.Rules!, r => r.Rule == ReleaseRuleKind.Soak);
        Assert.False(soak.Passed);
        Assert.Equal(
            "passed qa at 2026-11-23 09:00:00 UTC, 1 h 30 min ago; it must soak for 2 h 00 min: releasable from 2026-11-23 11:00:00 UTC",
            soak.Detail);

        clock.Advance(TimeSpan.FromMinutes(30));
        await release.Delivery!.RunAsync(run, CancellationToken.None);

        var released = run.LedgerOf(production).Read().Records[^1];
        Assert.Equal((LedgerRecordKind.Release, LedgerOutcome.Published, Start.AddHours(2)), (released.Kind, released.Outcome, released.Time));
        var passed = Assert.Single(released.Rules!, r => r.Rule == ReleaseRuleKind.Soak);
        Assert.True(passed.Passed, JsonSerializer.Serialize(released.Rules));
        Assert.Equal("passed qa at 2026-11-23 09:00:00 UTC, 2 h 00 min ago; the soak is 2 h 00 min", passed.Detail);
    }

    [Fact]
    public void A_soak_of_no_time_is_a_definition_error()
    {
        var error = Assert.Throws<BuildDefinitionException>(() => new ReleasePolicy().SoakInQa(TimeSpan.Zero));

        Assert.Equal("A soak in QA must last a positive time.", error.Message);
    }

    private Task GitAsync(params string[] arguments) =>
        Cmd.RunAsync("git", arguments, new CommandOptions { WorkingDirectory = _temp.Path, Quiet = true });
}
