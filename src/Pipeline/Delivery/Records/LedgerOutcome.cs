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

    /// <summary>A QA or production check failed, or the deployer failed (the record's error says how).</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>A release rule refused the candidate.</summary>
    [JsonStringEnumMemberName("refused")]
    Refused,

    /// <summary>An approval was recorded.</summary>
    [JsonStringEnumMemberName("recorded")]
    Recorded,

    /// <summary>The deployer is about to run: written first, so an attempt that never ends still leaves a trace.</summary>
    [JsonStringEnumMemberName("started")]
    Started,

    /// <summary>A started attempt that never concluded (killed, or the machine went away), found by a later run.</summary>
    [JsonStringEnumMemberName("interrupted")]
    Interrupted,
}
