using System.Text.Json.Serialization;

namespace Pipeline.Delivery.Records;

/// <summary>
/// One line of an environment's audit ledger: who did what to which candidate, when, where, under which rules,
/// and why. Kinds: <c>deployment</c>, <c>qa</c> (checks run against a deployment: the QA evidence),
/// <c>approval</c>, <c>refusal</c>, <c>release</c> and <c>rollback</c>.
/// </summary>
public sealed record LedgerRecord
{
    public required string Kind { get; init; }

    public required string Environment { get; init; }

    public required DateTimeOffset Time { get; init; }

    /// <summary>The identity that acted (or approved), and how it was learnt: <see cref="WhoSource"/>.</summary>
    public required string Who { get; init; }

    public required string WhoSource { get; init; }

    public required string Version { get; init; }

    public required string Digest { get; init; }

    /// <summary>The commit the candidate was built from.</summary>
    public string? Commit { get; init; }

    public required string Host { get; init; }

    public string? RunUrl { get; init; }

    /// <summary><c>published</c>, <c>already-present</c>, <c>passed</c>, <c>failed</c>, <c>refused</c> or <c>recorded</c>.</summary>
    public required string Outcome { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Mode { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RuleVerdict>? Rules { get; init; }

    /// <summary>For <c>qa</c>: every check's verdict.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RuleVerdict>? Checks { get; init; }

    /// <summary>For <c>qa</c>: how the stages before it ended in the run that made the candidate (e.g. Test: Succeeded).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Stages { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Comment { get; init; }

    /// <summary>Why a freeze window was overridden.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OverrideReason { get; init; }

    /// <summary>The candidate reached the environment (published, or found there already) by this record.</summary>
    [JsonIgnore]
    public bool Delivered => Kind is "deployment" or "release" or "rollback" && Outcome is "published" or "already-present";

    /// <summary>A release or rollback that reached the environment: what "the last release" means.</summary>
    [JsonIgnore]
    public bool Released => Delivered && Kind is "release" or "rollback";

    /// <summary>Where the deployer put the candidate.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Location { get; init; }
}

/// <summary>A rule's or a check's verdict, with what it found.</summary>
public sealed record RuleVerdict(string Name, bool Passed, string Detail);
