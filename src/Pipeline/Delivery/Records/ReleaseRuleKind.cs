using System.Text.Json.Serialization;

namespace Pipeline.Delivery.Records;

/// <summary>Which release rule judged: its name in reports, refusals and the ledger (which never changes).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReleaseRuleKind>))]
internal enum ReleaseRuleKind
{
    [JsonStringEnumMemberName("intact")]
    Intact,

    [JsonStringEnumMemberName("approval")]
    Approval,

    [JsonStringEnumMemberName("approver-not-author")]
    ApproverNotAuthor,

    [JsonStringEnumMemberName("allowed-ref")]
    AllowedRef,

    [JsonStringEnumMemberName("clean-tree")]
    CleanTree,

    [JsonStringEnumMemberName("passed-qa")]
    PassedQa,

    [JsonStringEnumMemberName("qa-unchanged")]
    QaUnchanged,

    [JsonStringEnumMemberName("stable-version")]
    StableVersion,

    [JsonStringEnumMemberName("no-downgrade")]
    NoDowngrade,

    [JsonStringEnumMemberName("freeze-window")]
    FreezeWindow,

    [JsonStringEnumMemberName("one-at-a-time")]
    OneAtATime,

    [JsonStringEnumMemberName("release-mode")]
    ReleaseMode,

    [JsonStringEnumMemberName("soak")]
    Soak,
}
