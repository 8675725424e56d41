using System.Text.Json.Serialization;

namespace Pipeline.Delivery.Records;

/// <summary>How the act a ledger record describes ended. The names are the ledger's text and never change.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LedgerOutcome>))]
internal enum LedgerOutcome
{
    /// <summary>The deployer put the candidate into the environment.</summary>
    [JsonStringEnumMemberName("published")]
    Published,

    /// <summary>The candidate was there already; nothing was published again.</summary>
    [JsonStringEnumMemberName("already-present")]
    AlreadyPresent,

    /// <summary>Every QA check passed.</summary>
    [JsonStringEnumMemberName("passed")]
    Passed,

    /// <summary>A QA check failed.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>A release rule refused the candidate.</summary>
    [JsonStringEnumMemberName("refused")]
    Refused,

    /// <summary>An approval was recorded.</summary>
    [JsonStringEnumMemberName("recorded")]
    Recorded,
}
