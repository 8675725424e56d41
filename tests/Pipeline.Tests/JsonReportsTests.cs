using System.Text.Json;
using Pipeline.Execution;
using Pipeline.Output;
using Pipeline.Secrets;

namespace Pipeline.Tests;

public class JsonReportsTests
{
    private SecretMasker Masker { get; } = new();

    [Fact]
    public void The_plan_as_json_lists_the_request_and_each_planned_target()
    {
        var build = new Build();
        var lint = build.Target("Lint");
        var compile = build.Target("Compile").Description("Builds it.");
        build.Target("Test").DependsOn(compile).After(lint).AlwaysRun().AllowFailure().OnlyWhen(() => true, "on CI");
        var plan = Plans.For(build, ["Test", "Lint"], ["Lint"]);

        using var json = JsonDocument.Parse(JsonReports.Plan(plan));

        var root = json.RootElement;
        Assert.Equal(["Test", "Lint"], Strings(root.GetProperty("requested")));
        var order = root.GetProperty("order").EnumerateArray().ToList();
        Assert.Equal(["Lint", "Compile", "Test"], order.Select(o => o.GetProperty("name").GetString()));
        var lintEntry = order[0];
        Assert.True(lintEntry.GetProperty("skipped").GetBoolean());
        Assert.Equal(JsonValueKind.Null, lintEntry.GetProperty("description").ValueKind);
        Assert.Equal("Builds it.", order[1].GetProperty("description").GetString());
        var test = order[2];
        Assert.Equal(["Compile"], Strings(test.GetProperty("dependsOn")));
        Assert.Equal(["Compile", "Lint"], Strings(test.GetProperty("waitsFor")).Order(StringComparer.Ordinal));
        Assert.False(test.GetProperty("skipped").GetBoolean());
        Assert.True(test.GetProperty("alwaysRuns").GetBoolean());
        Assert.True(test.GetProperty("failureAllowed").GetBoolean());
        Assert.Equal(["on CI"], Strings(test.GetProperty("conditions")));
    }

    [Fact]
    public void Names_with_quotes_and_backslashes_stay_valid_json()
    {
        var build = new Build();
        build.Target("Odd\"Name\\").Description("line1\nline2 \"quoted\"");

        using var json = JsonDocument.Parse(JsonReports.Plan(Plans.For(build, "Odd\"Name\\")));

        var entry = json.RootElement.GetProperty("order")[0];
        Assert.Equal("Odd\"Name\\", entry.GetProperty("name").GetString());
        Assert.Equal("line1\nline2 \"quoted\"", entry.GetProperty("description").GetString());
    }

    [Fact]
    public void The_summary_as_json_has_the_exit_code_and_each_target_outcome()
    {
        var build = new Build();
        var compile = build.Target("Compile");
        var flaky = build.Target("Flaky");
        var test = build.Target("Test");
        var docs = build.Target("Docs");
        var run = new RunResult(
            [
                new TargetResult(compile, TargetOutcome.Succeeded, TimeSpan.FromMilliseconds(1500), null),
                new TargetResult(flaky, TargetOutcome.Failed, TimeSpan.FromSeconds(2), "flaked", FailureAllowed: true),
                new TargetResult(test, TargetOutcome.Failed, TimeSpan.FromSeconds(3), "boom"),
                new TargetResult(docs, TargetOutcome.NotRun, TimeSpan.Zero, "Test failed"),
            ],
            TimeSpan.FromSeconds(6.5),
            Cancelled: false);

        using var json = JsonDocument.Parse(JsonReports.Summary(run, ["Test: 3 passed, 1 failed"], Masker));

        var root = json.RootElement;
        Assert.Equal(ExitCodes.TargetFailed, root.GetProperty("exitCode").GetInt32());
        Assert.False(root.GetProperty("cancelled").GetBoolean());
        Assert.Equal(6.5, root.GetProperty("wallTimeSeconds").GetDouble());
        var targets = root.GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(["Compile", "Flaky", "Test", "Docs"], targets.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["succeeded", "failed", "failed", "not-run"], targets.Select(t => t.GetProperty("outcome").GetString()));
        Assert.Equal(1.5, targets[0].GetProperty("durationSeconds").GetDouble());
        Assert.Equal(JsonValueKind.Null, targets[0].GetProperty("reason").ValueKind);
        Assert.True(targets[1].GetProperty("failureAllowed").GetBoolean());
        Assert.False(targets[2].GetProperty("failureAllowed").GetBoolean());
        Assert.Equal("Test failed", targets[3].GetProperty("reason").GetString());
        Assert.Equal(["Test: 3 passed, 1 failed"], Strings(root.GetProperty("closingLines")));
    }

    [Fact]
    public void A_cancelled_summary_says_so_with_exit_code_130()
    {
        var build = new Build();
        var compile = build.Target("Compile");
        var run = new RunResult([new TargetResult(compile, TargetOutcome.Cancelled, TimeSpan.Zero, "cancelled")], TimeSpan.Zero, Cancelled: true);

        using var json = JsonDocument.Parse(JsonReports.Summary(run, [], Masker));

        Assert.Equal(ExitCodes.Cancelled, json.RootElement.GetProperty("exitCode").GetInt32());
        Assert.True(json.RootElement.GetProperty("cancelled").GetBoolean());
        Assert.Equal("cancelled", json.RootElement.GetProperty("targets")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public void The_summary_masks_secrets_in_reasons_and_closing_lines()
    {
        var secret = SecretValues.NewValue();
        Masker.Register(secret);
        var build = new Build();
        var push = build.Target("Push");
        var run = new RunResult([new TargetResult(push, TargetOutcome.Failed, TimeSpan.Zero, $"rejected {secret}")], TimeSpan.Zero, false);

        var text = JsonReports.Summary(run, [$"pushed with {secret}"], Masker);

        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text);
        Assert.Equal("rejected ****", json.RootElement.GetProperty("targets")[0].GetProperty("reason").GetString());
        Assert.Equal(["pushed with ****"], Strings(json.RootElement.GetProperty("closingLines")));
    }

    [Fact]
    public async Task The_summary_of_a_real_run_is_valid_json()
    {
        var build = new Build();
        build.Target("Compile").Executes(() => { });
        build.Target("Skipped").OnlyWhen(() => false, "never");
        var run = await Runs.RunAsync(build, "Compile", "Skipped");

        using var json = JsonDocument.Parse(JsonReports.Summary(run, [], Masker));

        Assert.Equal(ExitCodes.Success, json.RootElement.GetProperty("exitCode").GetInt32());
        Assert.Equal(["succeeded", "skipped"], json.RootElement.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("outcome").GetString()));
    }

    private static IReadOnlyList<string?> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString())];
}
