using Pipeline.Execution;
using Pipeline.Output;
using Pipeline.Secrets;
using Spectre.Console;

namespace Pipeline.Tests;

public class ConsolePrintersTests
{
    private SecretMasker Masker { get; } = new();

    [Fact]
    public void The_summary_table_shows_every_outcome_and_the_verdict()
    {
        var secret = SecretValues.NewValue();
        Masker.Register(secret);
        var build = new Build();
        var run = new RunResult(
            [
                new TargetResult(build.Target("Compile"), TargetOutcome.Succeeded, TimeSpan.FromMilliseconds(420), null),
                new TargetResult(build.Target("Flaky"), TargetOutcome.Failed, TimeSpan.Zero, "flaked", FailureAllowed: true),
                new TargetResult(build.Target("Test"), TargetOutcome.Failed, TimeSpan.Zero, $"bad key {secret}"),
                new TargetResult(build.Target("Publish"), TargetOutcome.Skipped, TimeSpan.Zero, "only on CI"),
                new TargetResult(build.Target("Docs"), TargetOutcome.NotRun, TimeSpan.Zero, "Test failed"),
            ],
            TimeSpan.FromSeconds(3.2),
            Cancelled: false);

        var text = Render(console => SummaryPrinter.Print(console, run, Masker));

        Assert.Contains("420 ms", text, StringComparison.Ordinal);
        Assert.Contains("failed (allowed)", text, StringComparison.Ordinal);
        Assert.Contains("bad key ****", text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.Contains("only on CI", text, StringComparison.Ordinal);
        Assert.Contains("not run", text, StringComparison.Ordinal);
        Assert.Contains("Build failed in 3.2 s", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_run_is_summarised_as_cancelled()
    {
        var build = new Build();
        var run = new RunResult([new TargetResult(build.Target("Compile"), TargetOutcome.Cancelled, TimeSpan.Zero, "cancelled")], TimeSpan.Zero, Cancelled: true);

        var text = Render(console => SummaryPrinter.Print(console, run, Masker));

        Assert.Contains("Build cancelled", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_plan_shows_a_shared_dependency_once_and_the_numbered_order()
    {
        var build = new Build();
        var a = build.Target("Restore");
        var b = build.Target("Compile").DependsOn(a);
        var c = build.Target("Lint").DependsOn(a);
        build.Target("Pack").DependsOn(b, c).AlwaysRun();
        var plan = Plans.For(build, ["Pack"], ["Lint"]);

        var text = Render(console => PlanPrinter.Print(console, plan));

        Assert.Contains("Restore (see above)", text, StringComparison.Ordinal);
        Assert.Contains("1. Restore", text, StringComparison.Ordinal);
        Assert.Contains("3. Lint (skipped: --skip)", text, StringComparison.Ordinal);
        Assert.Contains("4. Pack (always runs)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_visible_targets_parameters_and_options()
    {
        var build = new Build();
        var compile = build.Target("Compile").Description("Builds it.");
        build.Target("Internal").Hidden();
        build.Default(compile);
        build.Parameter("retries", 3, "Retries.");
        build.Secret("api-key", "Feed key.");

        var text = Render(console => HelpPrinter.Print(console, build, "./build.sh"));

        Assert.Contains("Usage: ./build.sh [targets...]", text, StringComparison.Ordinal);
        Assert.Contains("Compile (default)", text, StringComparison.Ordinal);
        Assert.Contains("Builds it.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal", text, StringComparison.Ordinal);
        Assert.Contains("--retries", text, StringComparison.Ordinal);
        Assert.Contains("PIPELINE_RETRIES", text, StringComparison.Ordinal);
        Assert.Contains("--api-key (secret)", text, StringComparison.Ordinal);
        Assert.Contains("--keep-going", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_names_the_launcher_the_user_started_the_build_with()
    {
        var text = Render(console => HelpPrinter.Print(console, new Build(), "./build.ps1"));

        Assert.Contains("Usage: ./build.ps1 [targets...]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("build.sh", text, StringComparison.Ordinal);
    }

    private static string Render(Action<IAnsiConsole> print)
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        print(console);
        return output.ToString();
    }
}
