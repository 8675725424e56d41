using System.Globalization;

namespace Pipeline.Bench;

/// <summary>The harness's command line: where the packages are, where to write the table, how many runs.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        Usage: Pipeline.Bench [options]
          --packages DIR     Measure the Pipeline.Templates and Pipeline.Tool packages in DIR (e.g. artifacts/packages after
                             ./build.sh Package) instead of packing them afresh from the working tree (the default).
          --table FILE       Also write the result table (Markdown) to FILE.
          --warm-runs N      Measured warm runs of the no-op build and of the floor, interleaved (default 20, after 3 warm-ups).
          --cold-runs N      Runs with an empty script cache, and runs after an edit of the script (default 5 each).
          --test-runs N      Full ./build.sh Test runs, and runs after an edit of a library source (default 3 each, at most 9);
                             no-change runs are as many as --warm-runs, after 3 warm-ups.
          --sample-files N   Generated source files in the sample's library besides its own (default 2000), so the
                             no-change check looks at a few thousand files; 0 for none.
          --memory-runs N    Probed runs for peak memory, of the no-op build and of the floor (default 5).
          --plan-runs N      Measured planner calls per graph shape (default 10, after 3 warm-ups).
          --keep             Keep the scratch folder (temporary repository, caches) and print its path.
        Pipeline.Bench --probe-rss -- COMMAND [ARGS...]
                             Runs COMMAND, waits for it, prints 'pipeline-bench-probe: exit-code=N maxrss-kib=N' (getrusage).
        """;

    public string? PackagesFolder { get; init; }

    public string? TableFile { get; init; }

    public int WarmRuns { get; init; } = 20;

    public int WarmUps { get; init; } = 3;

    public int ColdRuns { get; init; } = 5;

    /// <summary>At most 9: each edit sets one digit of the library source to a value of its own.</summary>
    public int TestRuns { get; init; } = 3;

    public int MemoryRuns { get; init; } = 5;

    public int PlanRuns { get; init; } = 10;

    /// <summary>How many generated sources the sample's library has, besides its own: a repository of realistic size.</summary>
    public int SampleFiles { get; init; } = 2000;

    public bool Keep { get; init; }

    public bool ShowHelp { get; init; }

    public string? Error { get; init; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            options = name switch
            {
                "--packages" => Value() is { } packages ? options with { PackagesFolder = Path.GetFullPath(packages) } : Missing(name),
                "--table" => Value() is { } table ? options with { TableFile = Path.GetFullPath(table) } : Missing(name),
                "--warm-runs" => Count(Value()) is { } warm ? options with { WarmRuns = warm } : Missing(name),
                "--cold-runs" => Count(Value()) is { } cold ? options with { ColdRuns = cold } : Missing(name),
                "--test-runs" => Count(Value()) is { } test and <= 9 ? options with { TestRuns = test } : new BenchOptions { Error = "--test-runs expects a count from 1 to 9." },
                "--memory-runs" => Count(Value()) is { } memory ? options with { MemoryRuns = memory } : Missing(name),
                "--plan-runs" => Count(Value()) is { } plan ? options with { PlanRuns = plan } : Missing(name),
                "--sample-files" => CountOrNone(Value()) is { } files ? options with { SampleFiles = files } : Missing(name),
                "--keep" => options with { Keep = true },
                "--help" or "-h" => options with { ShowHelp = true },
                _ => new BenchOptions { Error = $"unknown option '{name}'." },
            };
            if (options.Error is not null)
            {
                return options;
            }
        }

        return options;
    }

    private static BenchOptions Missing(string name) => new() { Error = $"{name} expects a value (a path, or a count of at least 1)." };

    private static int? CountOrNone(string? text) => text == "0" ? 0 : Count(text);

    private static int? Count(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1 ? count : null;
}
