using Pipeline.Planning;
using Spectre.Console;

namespace Pipeline.Output;

/// <summary>Shows a plan without running it: the dependency tree of each requested target, then the order.</summary>
internal static class PlanPrinter
{
    /// <param name="incremental">For incremental targets: whether each would run, and why.</param>
    public static void Print(IAnsiConsole console, ExecutionPlan plan, IReadOnlyDictionary<Target, string>? incremental = null)
    {
        var notesOf = (PlannedTarget planned) => Notes(planned, incremental?.GetValueOrDefault(planned.Target));
        var scheduled = plan.Order.ToDictionary(p => p.Target);
        var shown = new HashSet<Target>();
        var tree = new Tree("[bold]Plan[/]");
        var pending = new Stack<(Target Target, IHasTreeNodes Parent)>();
        foreach (var requested in plan.Requested.Reverse())
        {
            pending.Push((requested, tree));
        }

        // Depth-first without recursion: a deep chain must not overflow the stack.
        while (pending.TryPop(out var item))
        {
            var firstTime = shown.Add(item.Target);
            var node = item.Parent.AddNode(Label(item.Target, scheduled.GetValueOrDefault(item.Target), firstTime, notesOf));
            if (!firstTime)
            {
                continue;
            }

            foreach (var dependency in item.Target.Dependencies.Where(scheduled.ContainsKey).Reverse())
            {
                pending.Push((dependency, node));
            }
        }

        console.Write(tree);
        console.MarkupLine("[bold]Order[/]");
        foreach (var planned in plan.Order)
        {
            console.MarkupLine($"  {planned.Position + 1}. {Markup.Escape(planned.Target.Name)}{notesOf(planned)}");
        }
    }

    private static string Label(Target target, PlannedTarget? planned, bool firstTime, Func<PlannedTarget, string> notes)
    {
        var name = $"[deepskyblue1]{Markup.Escape(target.Name)}[/]";
        if (!firstTime)
        {
            return $"{name} [grey](see above)[/]";
        }

        var description = target.DescriptionText is { } text ? $" [grey]{Markup.Escape(text)}[/]" : string.Empty;
        return $"{name}{description}{(planned is null ? string.Empty : notes(planned))}";
    }

    private static string Notes(PlannedTarget planned, string? incremental)
    {
        var notes = new List<string>();
        if (planned.SkippedByRequest)
        {
            notes.Add("skipped: --skip");
        }
        else if (incremental is not null)
        {
            notes.Add(incremental);
        }

        if (planned.Target.RunsAlways)
        {
            notes.Add("always runs");
        }

        if (planned.Target.FailureAllowed)
        {
            notes.Add("may fail");
        }

        if (planned.Target.Conditions.Count > 0)
        {
            notes.Add($"only when {string.Join(" and ", planned.Target.Conditions.Select(c => c.Reason))}");
        }

        return notes.Count == 0 ? string.Empty : $" [yellow]({Markup.Escape(string.Join("; ", notes))})[/]";
    }
}
