using System.Globalization;
using Pipeline.Planning;

namespace Pipeline.Bench;

/// <summary>A declared build of one shape, the request that schedules all of it, and how many targets that is.</summary>
internal sealed record GraphShape(string Name, string Description, Build Build, PlanRequest Request, int Targets);

/// <summary>The graphs the planner is timed on, each of 10,000 targets, built with the public DSL.</summary>
internal static class GraphShapes
{
    public const int Size = 10_000;

    /// <summary>T0 &lt;- T1 &lt;- ... &lt;- T9999: each target depends on the one before; the last is requested.</summary>
    public static GraphShape Chain()
    {
        var build = new Build();
        var previous = build.Target("T0");
        for (var i = 1; i < Size; i++)
        {
            previous = build.Target(Name("T", i)).DependsOn(previous);
        }

        return new GraphShape("chain", "10,000 targets, each depending on the one before; the last requested", build, PlanRequest.For(previous.Name), Size);
    }

    /// <summary>One target depending on 9,999 independent ones; it is requested.</summary>
    public static GraphShape Fan()
    {
        var build = new Build();
        var leaves = Enumerable.Range(0, Size - 1).Select(i => build.Target(Name("Leaf", i))).ToArray();
        var fan = build.Target("Fan").DependsOn(leaves);
        return new GraphShape("fan", "1 target depending on 9,999 independent ones", build, PlanRequest.For(fan.Name), Size);
    }

    /// <summary>
    /// 2,500 diamonds in a row: each diamond's top depends on its left and right, both depend on its bottom,
    /// and the bottom depends on the top of the diamond before; the last top is requested.
    /// </summary>
    public static GraphShape Diamonds()
    {
        var build = new Build();
        Target? previousTop = null;
        for (var i = 0; i < Size / 4; i++)
        {
            var bottom = build.Target(Name("Bottom", i));
            if (previousTop is not null)
            {
                bottom.DependsOn(previousTop);
            }

            var left = build.Target(Name("Left", i)).DependsOn(bottom);
            var right = build.Target(Name("Right", i)).DependsOn(bottom);
            previousTop = build.Target(Name("Top", i)).DependsOn(left, right);
        }

        return new GraphShape("diamonds", "2,500 diamonds in a row (10,000 targets, 12,499 edges); the last top requested", build, PlanRequest.For(previousTop!.Name), Size);
    }

    /// <summary>
    /// 100 layers of 100 targets; every target depends on all 100 targets of the layer below (990,000 edges,
    /// each pair of consecutive layers a complete bipartite "diamond"); the 100 targets of the top layer are requested.
    /// </summary>
    public static GraphShape LayeredDiamond(int width = 100)
    {
        var layers = Size / width;
        var build = new Build();
        var below = Array.Empty<Target>();
        for (var layer = 0; layer < layers; layer++)
        {
            var current = new Target[width];
            for (var i = 0; i < width; i++)
            {
                current[i] = build.Target(string.Create(CultureInfo.InvariantCulture, $"L{layer}N{i}"));
                if (below.Length > 0)
                {
                    current[i].DependsOn(below);
                }
            }

            below = current;
        }

        var edges = (layers - 1) * width * width;
        return new GraphShape(
            "dense layers",
            string.Create(CultureInfo.InvariantCulture, $"{layers} layers of {width}, each target depending on every target of the layer below ({edges:N0} edges); the top {width} requested"),
            build,
            new PlanRequest([.. below.Select(t => t.Name)], [], false),
            Size);
    }

    private static string Name(string prefix, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{index}");
}
