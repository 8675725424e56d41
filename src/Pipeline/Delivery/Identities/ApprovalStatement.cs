using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Identities;

/// <summary>
/// The text an approver signs: which environment receives which version and digest, when, by whom, and why.
/// Built from the record and the environment being judged, so a record edited in any of these, or copied into
/// another environment's ledger, no longer matches its signature. Each value is JSON-quoted so no value can
/// pass for another line.
/// </summary>
internal static class ApprovalStatement
{
    public static string Of(LedgerRecord approval, string environment)
    {
        ArgumentNullException.ThrowIfNull(approval);
        var text = new StringBuilder("pipeline approval statement v1\n");
        foreach (var (name, value) in new (string, string?)[]
        {
            ("environment", environment),
            ("version", approval.Version),
            ("digest", approval.Digest),
            ("time", approval.Time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
            ("principal", approval.Who),
            ("comment", approval.Comment),
        })
        {
            text.Append(name).Append(": ").Append(JsonSerializer.Serialize(value)).Append('\n');
        }

        return text.ToString();
    }
}
