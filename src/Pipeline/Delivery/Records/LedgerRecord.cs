using System.Text.Json.Serialization;

namespace Pipeline.Delivery.Records;

/// <summary>
/// One line of an environment's audit ledger: who did what to which candidate, when, where, under which rules,
/// and why. Its <see cref="Kind"/> and <see cref="Outcome"/> are enums written as the ledger's fixed words.
/// </summary>
internal sealed record LedgerRecord
{
    public required LedgerRecordKind Kind { get; init; }

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

    public required LedgerOutcome Outcome { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReleaseMode? Mode { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RuleVerdict>? Rules { get; init; }

    /// <summary>For QA evidence: every check's verdict.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CheckVerdict>? Checks { get; init; }

    /// <summary>For QA evidence: how the stages before it ended in the run that made the candidate (e.g. Test: Succeeded).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, StageResult>? Stages { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Comment { get; init; }

    /// <summary>Why a freeze window was overridden.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OverrideReason { get; init; }

    /// <summary>The candidate reached the environment (published, or found there already) by this record.</summary>
    [JsonIgnore]
    public bool Delivered => Kind is LedgerRecordKind.Deployment or LedgerRecordKind.Release or LedgerRecordKind.Rollback &&
        Outcome is LedgerOutcome.Published or LedgerOutcome.AlreadyPresent;

    /// <summary>A release or rollback that reached the environment: what "the last release" means.</summary>
    [JsonIgnore]
    public bool Released => Delivered && Kind is LedgerRecordKind.Release or LedgerRecordKind.Rollback;

    /// <summary>Why a deployment failed or was interrupted (masked like every record).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    /// <summary>An approval's SSH signature of its statement (armored), when the policy requires signed approvals.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Signature { get; init; }

    /// <summary>
    /// For a deployment, release or rollback: the candidate's manifest, the exact text whose SHA-256 is
    /// <see cref="Digest"/> (the candidate index), so a runner that never had the candidate can verify bytes it reads back.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Manifest { get; init; }

    /// <summary>Where the deployer put the candidate.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Location { get; init; }

    /// <summary>The SHA-256 of the ledger line before this one (<see cref="LedgerChain.Start"/> for the first): the hash chain. Null only in ledgers written before chaining.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Previous { get; init; }
}
