using System.Globalization;
using System.Text;
using Pipeline.Secrets;

namespace Pipeline.Reports;

/// <summary>
/// Text as the run report writes it: masked first, then escaped. In that order because a secret holding <c>&amp;</c> or
/// <c>&lt;</c> no longer matches once escaped, and the browser would turn it back into the secret.
/// </summary>
internal sealed class ReportText(SecretMasker secrets)
{
    public string Of(string? text) => Html.Escape(secrets.Apply(text ?? string.Empty));

    /// <summary>A length on the page, short and culture-free (<c>12.5</c>).</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>An offset or duration for a <c>data-*-ms</c> attribute: milliseconds to the microsecond, so sums of them still compare.</summary>
    public static string Milliseconds(TimeSpan value) => value.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>One entry of a description list, named by <c>data-field</c> so tests and tools find it; <paramref name="html"/> is already HTML.</summary>
    public static void Field(StringBuilder page, string name, string label, string html) =>
        page.Append("<dt>").Append(label).Append("</dt><dd data-field=\"").Append(name).Append("\">").Append(html).Append("</dd>\n");
}
