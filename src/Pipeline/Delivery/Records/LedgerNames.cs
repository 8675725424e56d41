using System.Reflection;
using System.Text.Json.Serialization;

namespace Pipeline.Delivery.Records;

/// <summary>The text a ledger enum is written as (its <see cref="JsonStringEnumMemberNameAttribute"/>), for reports.</summary>
internal static class LedgerNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return typeof(TEnum).GetField(name)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? name;
    }
}
