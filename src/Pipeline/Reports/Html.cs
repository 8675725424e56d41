using System.Net;
using System.Text;

namespace Pipeline.Reports;

/// <summary>
/// What every page Pipeline writes shares: one self-contained file (inline style, SVG and script; nothing fetched, so it
/// opens offline and as a CI artifact), text escaped, and a Content-Security-Policy that forbids the page any network.
/// </summary>
internal static class Html
{
    /// <summary>Forbids every fetch: styles, scripts and images come only from the page itself.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A whole page: <paramref name="style"/> and <paramref name="script"/> inline, <paramref name="body"/> already HTML.</summary>
    public static string Page(string title, string style, string body, string? script = null)
    {
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Escape(title)).Append("</title>\n")
            .Append("<style>\n").Append(style).Append("\n</style>\n</head>\n<body>\n")
            .Append(body)
            .Append('\n');
        if (script is not null)
        {
            page.Append("<script>\n").Append(script).Append("\n</script>\n");
        }

        return page.Append("</body>\n</html>\n").ToString();
    }
}
