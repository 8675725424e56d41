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

    [Fact]
    public void A_build_of_three_hundred_targets_is_drawn_whole_with_every_edge_of_every_kind()
    {
        var build = new Build(AbsolutePath.From("/repos/large"));
        var random = new Random(300);
        var targets = new List<Target>();
        var edges = 0;
        for (var i = 0; i < 300; i++)
        {
            var target = build.Target($"T{i:000}");
            if (i > 0)
            {
                target.DependsOn(targets[random.Next(Math.Max(0, i - 20), i)]);
                edges++;
            }

            if (i > 30 && i % 7 == 0)
            {
                target.After(targets[i - 30]);
                edges++;
            }

            if (i > 1 && i % 11 == 0)
            {
                targets[i - 2].Triggers(target);
                edges++;
            }

            targets.Add(target);
        }

        build.Default(targets[^1]);
        var plan = Plans.For(build);

        var page = PlanPage.Render(build, plan, null);

        Assert.Equal(300, Occurrences(page, "<g class=\"node "));
        Assert.Equal(plan.Order.Count, Occurrences(page, "data-state=\"runs\" data-hidden"));
        Assert.Equal(edges, Occurrences(page, "<path class=\"edge "));
        Assert.True(Occurrences(page, "data-kind=\"order\"") > 0 && Occurrences(page, "data-kind=\"triggers\"") > 0, "An edge kind is missing.");
        Assert.Equal(page, PlanPage.Render(build, plan, null));
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

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
