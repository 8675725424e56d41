namespace Pipeline.CommandLine;

/// <summary>What one invocation asks for, as read from the command line.</summary>
internal sealed record RunOptions
{
    public IReadOnlyList<string> Targets { get; init; } = [];

    public bool ShowHelp { get; init; }

    public bool ShowPlan { get; init; }

    public bool Json { get; init; }

    /// <summary>How many targets may run at once; 1 unless <c>--parallel</c> was given.</summary>
    public int Parallelism { get; init; } = 1;

    public bool KeepGoing { get; init; }

    /// <summary>The slice of the partitioned targets to run (<c>--partition i/n</c>); null runs them whole.</summary>
    public Partitions.PartitionSlice? Partition { get; init; }

    public IReadOnlyList<string> Skip { get; init; } = [];

    public bool Only { get; init; }

    /// <summary>Incremental targets whose body runs even when up to date (<c>--force</c>, <c>--force T</c>).</summary>
    public Incremental.ForceRequest Force { get; init; } = Incremental.ForceRequest.None;

    public string? SummaryJsonPath { get; init; }

    /// <summary>
    /// <c>--html [FILE.html]</c> with <c>--plan</c> or <c>--history ENV</c>: write the page there instead of printing text.
    /// Empty when given bare (the default file under <c>artifacts/</c>); null when not given.
    /// </summary>
    public string? Html { get; init; }

    /// <summary><c>--trace FILE</c>: where to write the run as Chrome trace-event JSON; null when not asked for.</summary>
    public string? TracePath { get; init; }

    /// <summary><c>--no-live</c>: no live region in a terminal, only the scrolling log.</summary>
    public bool NoLive { get; init; }

    /// <summary>The CI host named by <c>--host</c>, overriding detection; <c>local</c> forces plain output.</summary>
    public string? Host { get; init; }

    /// <summary>What the command line asks of deployments and releases (<c>--approve</c>, <c>--dry-run</c>, ...).</summary>
    public Delivery.DeliveryRequest Delivery { get; init; } = new();

    /// <summary><c>--generate-ci</c>, <c>--check-ci</c> or <c>--verify-artifact</c>: work on the CI files instead of running targets.</summary>
    public CiGeneration.CiRequest? Ci { get; init; }

    /// <summary><c>--history ENV</c>: print that environment's ledger instead of running targets.</summary>
    public string? History { get; init; }

    /// <summary>Raw values given on the command line per parameter; a flag given bare has no values.</summary>
    public IReadOnlyDictionary<IParameter, IReadOnlyList<string>> ParameterValues { get; init; } =
        new Dictionary<IParameter, IReadOnlyList<string>>();
}
