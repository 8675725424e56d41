using System.Text.Json.Serialization;

namespace Pipeline.Delivery.Records;

/// <summary>What a ledger record is about. The names are the ledger's text: they never change, so old ledgers still read.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LedgerRecordKind>))]
internal enum LedgerRecordKind
{
    /// <summary>A candidate deployed to an environment by a publication (QA).</summary>
    [JsonStringEnumMemberName("deployment")]
    Deployment,

    /// <summary>Checks run against a deployment: the candidate's QA evidence.</summary>
    [JsonStringEnumMemberName("qa")]
    Qa,

    [JsonStringEnumMemberName("approval")]
    Approval,

    [JsonStringEnumMemberName("refusal")]
    Refusal,

    [JsonStringEnumMemberName("release")]
    Release,

    [JsonStringEnumMemberName("rollback")]
    Rollback,

    /// <summary>The environment's checks run against a release or rollback that reached it (production checks).</summary>
    [JsonStringEnumMemberName("check")]
    Check,
}
