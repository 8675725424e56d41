using Pipeline.EndToEnd.Tests.Hosts;
using Pipeline.Planning;
using Pipeline.Reports;

namespace Pipeline.Tests.Reports;

/// <summary>The plan page of a small fixed build: the same bytes every time (a golden file), every text escaped.</summary>
public sealed class PlanPageTests
{
    [Fact]
    public void The_plan_page_of_a_fixed_build_is_the_golden_file_and_the_same_on_every_render()
    {
        var (build, plan, incremental) = Sample();

        var page = PlanPage.Render(build, plan, incremental);

        Assert.Equal(page, PlanPage.Render(build, plan, incremental));
        Snapshot.Verify(page, "html");
    }

    [Fact]
    public void Names_descriptions_and_conditions_are_escaped_in_the_graph_and_the_table()
    {
        var build = new Build(AbsolutePath.From("/repos/<sample>"));
        var target = build.Target("Pack").Description("Packs <b>everything</b> & \"more\"").OnlyWhen(() => true, "<script>alert(1)</script>");
        build.Default(target);

        var page = PlanPage.Render(build, Plans.For(build), null);

        Assert.DoesNotContain("<b>everything", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<sample>", page, StringComparison.Ordinal);
        Assert.Contains("Packs &lt;b&gt;everything&lt;/b&gt; &amp; &quot;more&quot;", page, StringComparison.Ordinal);
        Assert.Contains("only when &lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
    }

    /// <summary>DependsOn, After, Before and Triggers edges; a hidden target; one skipped; one not planned; incremental notes.</summary>
    internal static (Build Build, ExecutionPlan Plan, IReadOnlyDictionary<Target, string> Incremental) Sample()
    {
        var build = new Build(AbsolutePath.From("/repos/sample"));
        var clean = build.Target("Clean").Description("Deletes artifacts/");
        var restore = build.Target("Restore").Description("Restores the packages");
        var compile = build.Target("Compile").DependsOn(restore).After(clean);
        var test = build.Target("Test").DependsOn(compile);
        var docs = build.Target("Docs").DependsOn(compile).OnlyWhen(() => false, "on main");
        var pack = build.Target("Pack").DependsOn(test, docs).Description("Packs the library");
        var notify = build.Target("Notify").Hidden();
        pack.Triggers(notify);
        build.Target("Lint").Before(test);
        build.Default(pack);
        var plan = Planner.Plan(build.Targets, build.DefaultTarget, new PlanRequest(["Pack"], ["Docs"], false));
        var incremental = new Dictionary<Target, string> { [compile] = "up to date", [test] = "runs: src/Library.cs changed" };
        return (build, plan, incremental);
    }
}
