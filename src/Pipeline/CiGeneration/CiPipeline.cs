using Pipeline.Delivery;

namespace Pipeline.CiGeneration;

/// <summary>
/// The CI pipeline a script describes, host-neutral: what every writer turns into its host's file. Derived from the
/// target graph and the delivery stages by <see cref="CiPipelinePlanner"/>.
/// </summary>
internal sealed record CiPipeline
{
    /// <summary>The script, relative to the repository root with forward slashes (<c>build/build.csx</c>).</summary>
    public required string ScriptPath { get; init; }

    /// <summary>The branch releases come from.</summary>
    public required string DefaultBranch { get; init; }

    public required IReadOnlyList<CiTrigger> Triggers { get; init; }

    /// <summary>In an order that puts every job after the jobs it needs.</summary>
    public required IReadOnlyList<CiJob> Jobs { get; init; }

    /// <summary>Whether the repository pins its SDK in <c>global.json</c> (the jobs then install that SDK).</summary>
    public required bool HasGlobalJson { get; init; }

    /// <summary>The SDK's major.minor from <c>global.json</c> (<c>10.0</c>), for hosts that pick an SDK image; null without one.</summary>
    public string? SdkChannel { get; init; }

    /// <summary>Globs of the files that decide which NuGet packages are restored: the cache key.</summary>
    public required IReadOnlyList<string> NuGetCacheKeyFiles { get; init; }

    /// <summary>The runner image per host the script chose for every job; null: the writer's default.</summary>
    public IReadOnlyDictionary<CiHostKind, string> Images { get; init; } = new Dictionary<CiHostKind, string>();

    /// <summary>The environments jobs deploy to, in the order their jobs run.</summary>
    public IEnumerable<CiDeployment> Deployments => Jobs.Select(j => j.Deployment).OfType<CiDeployment>();

    /// <summary>The image <paramref name="job"/> runs in on <paramref name="host"/>: the job's own, the script's, or null for the writer's default.</summary>
    public string? ImageOf(CiJob job, CiHostKind host) => job.Images.GetValueOrDefault(host) ?? Images.GetValueOrDefault(host);
}

/// <summary>One job: <c>./build.sh</c> with <see cref="Targets"/>, skipping <see cref="Satisfied"/> (an earlier job ran them).</summary>
internal sealed record CiJob
{
    /// <summary>Lower-case letters, digits and dashes: valid as a job id on every host.</summary>
    public required string Id { get; init; }

    public required IReadOnlyList<string> Targets { get; init; }

    /// <summary>Targets an earlier job ran, given to <c>--skip</c> as one comma-separated value (the option takes one value per occurrence).</summary>
    public IReadOnlyList<string> Satisfied { get; init; } = [];

    /// <summary>The ids of the jobs this one waits for (only direct ones: none is reachable through another).</summary>
    public IReadOnlyList<string> Needs { get; init; } = [];

    public IReadOnlyDictionary<CiHostKind, string> Images { get; init; } = new Dictionary<CiHostKind, string>();

    /// <summary>The environment this job deploys to; null for jobs that build.</summary>
    public CiDeployment? Deployment { get; init; }

    /// <summary>Artifacts this job uploads at its end (also when a later step failed, for reports).</summary>
    public IReadOnlyList<CiArtifact> Uploads { get; init; } = [];

    /// <summary>Artifacts this job downloads before it runs, each from the job that uploaded it.</summary>
    public IReadOnlyList<CiArtifact> Downloads { get; init; } = [];

    /// <summary>The secrets the job's own targets require, by environment variable.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>Variables every step of the job gets (<c>PIPELINE_RECORDS</c> for jobs that keep delivery records).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Variables { get; init; } = [];

    /// <summary>Whether the job appends to the delivery records, which the git backend pushes: the one write permission.</summary>
    public bool WritesRecords { get; init; }

    /// <summary>Whether the job runs for pull requests: only jobs that neither deploy nor need a job that does.</summary>
    public bool RunsOnPullRequests { get; init; }

    /// <summary>The outputs the job exports to later jobs (the candidate's digest).</summary>
    public IReadOnlyList<string> Outputs { get; init; } = [];

    /// <summary>A partitioned target this job fans out as <see cref="CiPartition.Count"/> parallel copies.</summary>
    public CiPartition? Partition { get; init; }

    /// <summary>The arguments after <c>./build.sh</c>, without the partition (hosts spell its index differently).</summary>
    public IReadOnlyList<string> Arguments =>
        [.. Targets, .. Satisfied.Count > 0 ? ["--skip", string.Join(',', Satisfied)] : Array.Empty<string>(), .. Deployment is { ApprovedByHostJob: true } ? ["--approve"] : Array.Empty<string>()];

    /// <summary><c>./build.sh</c> and <see cref="Arguments"/>, quoted for a POSIX shell.</summary>
    public string CommandLine(string? partitionArgument = null) =>
        string.Join(' ', ["./build.sh", .. Arguments.Select(CiText.ShellQuote), .. partitionArgument is null ? Array.Empty<string>() : ["--partition", partitionArgument]]);
}

/// <summary>A file or folder moved between jobs.</summary>
/// <param name="Name">Unique in the run (a partition's carries its index, which the writer appends).</param>
/// <param name="Path">Relative to the repository root, forward slashes.</param>
/// <param name="FromJob">The job that uploads it.</param>
/// <param name="IsCandidate">A release candidate: verified against its manifest and the uploader's digest after download.</param>
internal sealed record CiArtifact(string Name, string Path, string FromJob, bool IsCandidate);

/// <summary>A job that deploys: only a production deployment runs in the host's protected environment.</summary>
/// <param name="Environment">The Pipeline environment's name, also the host environment's name.</param>
/// <param name="Kind">QA or production.</param>
/// <param name="RequiresApproval">Continuous delivery: a person approves before it runs.</param>
internal sealed record CiDeployment(string Environment, EnvironmentKind Kind, bool RequiresApproval)
{
    public bool IsProduction => Kind == EnvironmentKind.Production;

    /// <summary>Whether the job's start is itself the approval (GitLab's manual job) so the job passes <c>--approve</c>; set by writers that need it.</summary>
    public bool ApprovedByHostJob { get; init; }
}

/// <summary>A target run as <see cref="Count"/> slices in parallel jobs, merged by the job that needs them.</summary>
internal sealed record CiPartition(string Target, int Count);
