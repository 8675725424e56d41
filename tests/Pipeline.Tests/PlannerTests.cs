using Pipeline.Planning;

namespace Pipeline.Tests;

public class PlannerTests
{
    [Fact]
    public void Ready_targets_run_in_declaration_order()
    {
        var build = new Build();
        build.Target("A");
        build.Target("B");
        build.Target("C");

        var plan = Plans.For(build, "C", "A", "B");

        Assert.Equal(["A", "B", "C"], plan.Names());
    }

    [Fact]
    public void Among_targets_freed_by_the_same_dependency_the_earliest_declared_goes_first()
    {
        var build = new Build();
        var pack = build.Target("Pack");
        var compile = build.Target("Compile");
        var test = build.Target("Test").DependsOn(compile);
        pack.DependsOn(compile);

        var plan = Plans.For(build, "Test", "Pack");

        Assert.Equal(["Compile", "Pack", "Test"], plan.Names());
    }

    [Fact]
    public void Positions_number_the_order_from_zero()
    {
        var build = new Build();
        var compile = build.Target("Compile");
        build.Target("Test").DependsOn(compile);

        var plan = Plans.For(build, "Test");

        Assert.Equal([0, 1], plan.Order.Select(p => p.Position));
    }

    [Fact]
    public void DependsOn_pulls_dependencies_in_transitively_and_runs_them_first()
    {
        var build = new Build();
        var test = build.Target("Test");
        var compile = build.Target("Compile");
        var restore = build.Target("Restore");
        build.Target("Unrelated");
        test.DependsOn(compile);
        compile.DependsOn(restore);

        var plan = Plans.For(build, "Test");

        Assert.Equal(["Restore", "Compile", "Test"], plan.Names());
    }

    [Fact]
    public void Before_does_not_pull_the_other_target_in()
    {
        var build = new Build();
        var clean = build.Target("Clean");
        var compile = build.Target("Compile");
        clean.Before(compile);

        Assert.Equal(["Compile"], Plans.For(build, "Compile").Names());
        Assert.Equal(["Clean"], Plans.For(build, "Clean").Names());
    }

    [Fact]
    public void After_does_not_pull_the_other_target_in()
    {
        var build = new Build();
        var compile = build.Target("Compile");
        var clean = build.Target("Clean");
        compile.After(clean);

        Assert.Equal(["Compile"], Plans.For(build, "Compile").Names());
    }

    [Fact]
    public void Before_orders_targets_when_both_are_scheduled()
    {
        var build = new Build();
        var compile = build.Target("Compile");
        build.Target("Clean").Before(compile);

        var plan = Plans.For(build, "Compile", "Clean");

        Assert.Equal(["Clean", "Compile"], plan.Names());
    }

    [Fact]
    public void After_orders_targets_when_both_are_scheduled()
    {
        var build = new Build();
        var report = build.Target("Report");
        var test = build.Target("Test");
        report.After(test);

        var plan = Plans.For(build, "Report", "Test");

        Assert.Equal(["Test", "Report"], plan.Names());
    }

    [Fact]
    public void Triggers_pulls_the_triggered_target_in_and_runs_it_after()
    {
        var build = new Build();
        var report = build.Target("Report");
        var test = build.Target("Test").Triggers(report);

        var plan = Plans.For(build, "Test");

        Assert.Equal(["Test", "Report"], plan.Names());
        Assert.Equal(["Test"], plan.NamesAt(plan.Planned("Report").RequiredPredecessors));
    }

    [Fact]
    public void Triggered_targets_pull_in_their_own_dependencies()
    {
        var build = new Build();
        var upload = build.Target("Upload");
        var report = build.Target("Report").DependsOn(upload);
        build.Target("Test").Triggers(report);

        var plan = Plans.For(build, "Test");

        Assert.Equal(["Upload", "Test", "Report"], plan.Names());
    }

    [Fact]
    public void The_default_target_is_planned_when_no_name_is_given()
    {
        var build = new Build();
        var compile = build.Target("Compile");
        var test = build.Target("Test").DependsOn(compile);
        build.Target("Pack");
        build.Default(test);

        var plan = Plans.For(build);

        Assert.Equal(["Compile", "Test"], plan.Names());
        Assert.Equal([test], plan.Requested);
    }

    [Fact]
    public void No_name_and_no_default_is_a_planning_error_listing_the_visible_targets()
    {
        var build = new Build();
        build.Target("Compile");
        build.Target("Secret").Hidden();
        build.Target("Test");

        var error = Assert.Throws<PlanningException>(() => Plans.For(build));

        Assert.Contains("no default target", error.Message, StringComparison.Ordinal);
        Assert.Contains("Compile, Test", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_build_without_targets_is_a_planning_error()
    {
        var error = Assert.Throws<PlanningException>(() => Plans.For(new Build()));

        Assert.StartsWith("The build declares no targets. Declare one and make it the default, for example: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Default(build);", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_names_are_matched_ignoring_case()
    {
        var build = new Build();
        var compile = build.Target("Compile");
        build.Target("Test").DependsOn(compile);

        var plan = Plans.For(build, ["tEST"], ["COMPILE"]);

        Assert.Equal(["Compile", "Test"], plan.Names());
        Assert.True(plan.Planned("Compile").SkippedByRequest);
    }

    [Fact]
    public void A_target_named_twice_is_planned_and_requested_once()
    {
        var build = new Build();
        var compile = build.Target("Compile");

        var plan = Plans.For(build, "Compile", "compile");

        Assert.Equal(["Compile"], plan.Names());
        Assert.Equal([compile], plan.Requested);
    }

    [Theory]
    [InlineData("Compiel")]
    [InlineData("compil")]
    [InlineData("Compyle")]
    public void An_unknown_target_is_a_planning_error_suggesting_the_closest_name(string typed)
    {
        var build = new Build();
        build.Target("Compile");
        build.Target("Test");
        build.Target("Publish");

        var error = Assert.Throws<PlanningException>(() => Plans.For(build, typed));

        Assert.Contains($"Unknown target '{typed}'.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'Compile'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_target_far_from_every_name_gets_no_suggestion()
    {
        var build = new Build();
        build.Target("Compile");

        var error = Assert.Throws<PlanningException>(() => Plans.For(build, "Zzzzzzzzzz"));

        Assert.DoesNotContain("Did you mean", error.Message, StringComparison.Ordinal);
        Assert.Contains("--help", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hidden_targets_are_not_suggested()
    {
        var build = new Build();
        build.Target("Compile").Hidden();

        var error = Assert.Throws<PlanningException>(() => Plans.For(build, "Compil"));

        Assert.DoesNotContain("Compile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hidden_targets_can_still_be_run_by_name()
    {
        var build = new Build();
        build.Target("Internal").Hidden();

        Assert.Equal(["Internal"], Plans.For(build, "Internal").Names());
    }

    [Fact]
    public void An_unknown_skip_name_is_a_planning_error()
    {
        var build = new Build();
        build.Target("Compile");
        build.Target("Test");

        var error = Assert.Throws<PlanningException>(() => Plans.For(build, ["Compile"], ["Tset"]));

        Assert.Contains("Unknown target 'Tset'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Test'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dependency_cycle_is_a_planning_error_naming_the_path()
    {
        var build = new Build();
        var compile = build.Target("Compile");
        var test = build.Target("Test");
        compile.DependsOn(test);
        test.DependsOn(compile);

        var error = Assert.Throws<PlanningException>(() => Plans.For(build, "Compile"));

        Assert.Equal("Dependency cycle: Compile -> Test -> Compile.", error.Message);
    }

    [Fact]
    public void A_cycle_made_through_After_is_a_planning_error_naming_the_path()
    {
        var build = new Build();
        var compile = build.Target("Compile");
        var test = build.Target("Test").DependsOn(compile);
        compile.After(test);

        var error = Assert.Throws<PlanningException>(() => Plans.For(build, "Test"));

        Assert.Contains("Compile -> Test -> Compile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_made_through_Before_is_a_planning_error_naming_the_path()
    {
        var build = new Build();
        var compile = build.Target("Compile");
        var test = build.Target("Test");
        compile.Before(test);
        test.Before(compile);

        var error = Assert.Throws<PlanningException>(() => Plans.For(build, "Compile", "Test"));

        Assert.Contains("Compile -> Test -> Compile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordering_only_edges_that_close_a_cycle_are_reported_even_when_one_side_is_not_scheduled()
    {
        var build = new Build();
        var compile = build.Target("Compile");
        var test = build.Target("Test").DependsOn(compile);
        compile.After(test);

        var error = Assert.Throws<PlanningException>(() => Plans.For(build, ["Compile"], []));

        Assert.Equal("Dependency cycle: Compile -> Test -> Compile.", error.Message);
    }

    [Fact]
    public void A_cycle_among_targets_that_are_not_requested_is_still_reported()
    {
        var build = new Build();
        var compile = build.Target("Compile");
        var publish = build.Target("Publish");
        var sign = build.Target("Sign");
        publish.DependsOn(sign);
        sign.DependsOn(publish);

        var error = Assert.Throws<PlanningException>(() => Plans.For(build, "Compile"));

        Assert.Equal("Dependency cycle: Publish -> Sign -> Publish.", error.Message);
        Assert.Throws<PlanningException>(() => Plans.For(build, ["Compile"], [], only: true));
    }

    [Fact]
    public void The_cycle_named_leaves_out_targets_that_merely_wait_on_it()
    {
        var build = new Build();
        var deploy = build.Target("Deploy");
        var compile = build.Target("Compile");
        var test = build.Target("Test");
        deploy.DependsOn(compile);
        compile.DependsOn(test);
        test.DependsOn(compile);

        var error = Assert.Throws<PlanningException>(() => Plans.For(build, "Deploy"));

        Assert.Equal("Dependency cycle: Compile -> Test -> Compile.", error.Message);
    }

    [Fact]
    public void A_cycle_of_three_is_named_in_full()
    {
        var build = new Build();
        var a = build.Target("A");
        var b = build.Target("B");
        var c = build.Target("C");
        a.DependsOn(b);
        b.DependsOn(c);
        c.DependsOn(a);

        var error = Assert.Throws<PlanningException>(() => Plans.For(build, "A"));

        Assert.Equal("Dependency cycle: A -> B -> C -> A.", error.Message);
    }

    [Fact]
    public void Only_plans_the_named_targets_without_their_dependencies()
    {
        var build = new Build();
        var compile = build.Target("Compile");
        var test = build.Target("Test").DependsOn(compile);
        var report = build.Target("Report");
        test.Triggers(report);

        var plan = Plans.For(build, ["Test"], [], only: true);

        Assert.Equal(["Test"], plan.Names());
        Assert.Empty(plan.Planned("Test").Predecessors);
    }

    [Fact]
    public void Only_still_orders_the_named_targets_by_their_edges()
    {
        var build = new Build();
        var test = build.Target("Test");
        var compile = build.Target("Compile");
        test.DependsOn(compile);

        var plan = Plans.For(build, ["Test", "Compile"], [], only: true);

        Assert.Equal(["Compile", "Test"], plan.Names());
    }

    [Fact]
    public void Skip_marks_the_target_skipped_and_keeps_its_dependents_and_dependencies()
    {
        var build = new Build();
        var restore = build.Target("Restore");
        var compile = build.Target("Compile").DependsOn(restore);
        build.Target("Test").DependsOn(compile);

        var plan = Plans.For(build, ["Test"], ["Compile"]);

        Assert.Equal(["Restore", "Compile", "Test"], plan.Names());
        Assert.Equal([false, true, false], plan.Order.Select(p => p.SkippedByRequest));
    }

    [Fact]
    public void Each_target_is_planned_once_however_many_targets_depend_on_it()
    {
        var build = new Build();
        var compile = build.Target("Compile");
        var dependents = Enumerable.Range(0, 20).Select(i => build.Target($"T{i}").DependsOn(compile)).ToArray();
        build.Target("All").DependsOn(dependents);

        var plan = Plans.For(build, "All");

        Assert.Equal(22, plan.Order.Count);
        Assert.Single(plan.Order, p => p.Target == compile);
        Assert.Equal(plan.Order.Count, plan.Order.Select(p => p.Target).Distinct().Count());
    }

    [Fact]
    public void A_diamond_plans_the_shared_dependency_once_and_the_join_last()
    {
        var build = new Build();
        var a = build.Target("A");
        var b = build.Target("B").DependsOn(a);
        var c = build.Target("C").DependsOn(a);
        build.Target("D").DependsOn(b, c);

        var plan = Plans.For(build, "D");

        Assert.Equal(["A", "B", "C", "D"], plan.Names());
        Assert.Equal(["B", "C"], plan.NamesAt(plan.Planned("D").Predecessors));
        Assert.Equal(["A"], plan.NamesAt(plan.Planned("B").Predecessors));
    }

    [Fact]
    public void A_chain_of_100000_targets_plans_without_overflowing_the_stack()
    {
        const int count = 100_000;
        var build = new Build();
        var targets = new Target[count];
        for (var i = 0; i < count; i++)
        {
            targets[i] = build.Target($"T{i}");
            if (i > 0)
            {
                targets[i].DependsOn(targets[i - 1]);
            }
        }

        var plan = Plans.For(build, $"T{count - 1}");

        Assert.Equal(count, plan.Order.Count);
        Assert.Equal("T0", plan.Order[0].Target.Name);
        Assert.Equal($"T{count - 1}", plan.Order[^1].Target.Name);
        Assert.Equal([count - 2], plan.Order[^1].Predecessors);
    }

    [Fact]
    public void A_chain_declared_in_reverse_plans_against_declaration_order()
    {
        const int count = 100_000;
        var build = new Build();
        var targets = new Target[count];
        for (var i = 0; i < count; i++)
        {
            targets[i] = build.Target($"T{i}");
        }

        for (var i = 0; i < count - 1; i++)
        {
            targets[i].DependsOn(targets[i + 1]);
        }

        var plan = Plans.For(build, "T0");

        Assert.Equal(count, plan.Order.Count);
        Assert.Equal($"T{count - 1}", plan.Order[0].Target.Name);
        Assert.Equal("T0", plan.Order[^1].Target.Name);
    }

    [Fact]
    public void A_fan_in_of_10000_dependencies_plans_them_all_before_the_join()
    {
        const int count = 10_000;
        var build = new Build();
        var leaves = Enumerable.Range(0, count).Select(i => build.Target($"Leaf{i}")).ToArray();
        build.Target("Join").DependsOn(leaves);

        var plan = Plans.For(build, "Join");

        Assert.Equal(count + 1, plan.Order.Count);
        Assert.Equal("Leaf0", plan.Order[0].Target.Name);
        Assert.Equal($"Leaf{count - 1}", plan.Order[count - 1].Target.Name);
        Assert.Equal("Join", plan.Order[^1].Target.Name);
        Assert.Equal(count, plan.Order[^1].Predecessors.Count);
    }

    [Fact]
    public void A_fan_out_of_10000_dependents_plans_the_shared_root_first()
    {
        const int count = 10_000;
        var build = new Build();
        var root = build.Target("Root");
        var dependents = Enumerable.Range(0, count).Select(i => build.Target($"D{i}").DependsOn(root)).ToArray();
        build.Target("All").DependsOn(dependents);

        var plan = Plans.For(build, "All");

        Assert.Equal(count + 2, plan.Order.Count);
        Assert.Equal("Root", plan.Order[0].Target.Name);
        Assert.Equal("D0", plan.Order[1].Target.Name);
        Assert.Equal($"D{count - 1}", plan.Order[count].Target.Name);
        Assert.Equal("All", plan.Order[^1].Target.Name);
    }

    [Fact]
    public void Required_predecessors_hold_dependencies_while_ordering_only_edges_are_predecessors_alone()
    {
        var build = new Build();
        var lint = build.Target("Lint");
        var compile = build.Target("Compile");
        var test = build.Target("Test").DependsOn(compile).After(lint);

        var plan = Plans.For(build, "Test", "Lint");

        Assert.Equal(["Lint", "Compile", "Test"], plan.Names());
        var planned = plan.Planned("Test");
        Assert.Equal(["Compile", "Lint"], plan.NamesAt(planned.Predecessors));
        Assert.Equal(["Compile"], plan.NamesAt(planned.RequiredPredecessors));
    }

    [Fact]
    public void Before_makes_an_ordering_only_predecessor()
    {
        var build = new Build();
        var compile = build.Target("Compile");
        build.Target("Clean").Before(compile);

        var plan = Plans.For(build, "Compile", "Clean");

        Assert.Equal(["Clean"], plan.NamesAt(plan.Planned("Compile").Predecessors));
        Assert.Empty(plan.Planned("Compile").RequiredPredecessors);
    }

    [Fact]
    public void An_edge_declared_twice_is_counted_once()
    {
        var build = new Build();
        var compile = build.Target("Compile");
        var test = build.Target("Test").DependsOn(compile, compile).After(compile);

        var plan = Plans.For(build, "Test");

        Assert.Equal([0], plan.Planned("Test").Predecessors);
        Assert.Equal([0], plan.Planned("Test").RequiredPredecessors);
    }

    [Fact]
    public void Find_returns_the_planned_entry_of_a_target_or_null()
    {
        var build = new Build();
        var compile = build.Target("Compile");
        var other = build.Target("Other");

        var plan = Plans.For(build, "Compile");

        Assert.Same(compile, plan.Find(compile)?.Target);
        Assert.Null(plan.Find(other));
    }
}
