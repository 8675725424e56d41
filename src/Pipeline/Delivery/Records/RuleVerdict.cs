using System.Text.Json.Serialization;

namespace Pipeline.Delivery.Records;

/// <summary>
/// A release rule's verdict, with what it found. The ledger keeps its name, whether it passed and the detail;
/// <see cref="Overridden"/> is for this run only (the ledger keeps the reason as the record's override reason).
/// </summary>
internal sealed record RuleVerdict([property: JsonPropertyName("name")] ReleaseRuleKind Rule, bool Passed, string Detail)
{
    /// <summary>The rule would have refused, and the command line overrode it (<c>--override-freeze</c>).</summary>
    [JsonIgnore]
    public bool Overridden { get; init; }

    /// <summary>The rule's name as reports and the ledger write it (<c>freeze-window</c>).</summary>
    [JsonIgnore]
    public string Name => LedgerNames.Of(Rule);
}
