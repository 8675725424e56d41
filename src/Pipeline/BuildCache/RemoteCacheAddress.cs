using System.Net.Http.Headers;
using System.Text;

namespace Pipeline.BuildCache;

/// <summary>
/// Where a remote cache is and how to sign in to it: the base URL without its user and password (those become a
/// Basic authorization header, a token a Bearer one) and the URL as messages show it, with the user and password
/// masked.
/// </summary>
internal sealed record RemoteCacheAddress(Uri Base, string Display, AuthenticationHeaderValue? Authorization)
{
    /// <param name="url">An absolute http or https URL, possibly with <c>user:password@</c>.</param>
    /// <param name="token">Sent as <c>Authorization: Bearer</c>; wins over a user and password in the URL.</param>
    public static RemoteCacheAddress From(Uri url, string? token)
    {
        ArgumentNullException.ThrowIfNull(url);
        var clean = new UriBuilder(url) { UserName = "", Password = "" };
        if (!clean.Path.EndsWith('/'))
        {
            clean.Path += "/";
        }

        var display = url.UserInfo.Length > 0 ? clean.Uri.AbsoluteUri.Replace("://", "://****@", StringComparison.Ordinal) : clean.Uri.AbsoluteUri;
        var authorization = token is { Length: > 0 }
            ? new AuthenticationHeaderValue("Bearer", token)
            : url.UserInfo.Length > 0
                ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(url.UserInfo))))
                : null;
        return new RemoteCacheAddress(clean.Uri, display, authorization);
    }

    /// <summary>The URL's password, unescaped, for the secret masker; null when it has none.</summary>
    public static string? PasswordOf(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var separator = url.UserInfo.IndexOf(':', StringComparison.Ordinal);
        return separator < 0 ? null : Uri.UnescapeDataString(url.UserInfo[(separator + 1)..]);
    }

    /// <summary>Text that may be a URL, with anything between <c>://</c> and the last <c>@</c> of its authority masked.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = text.IndexOf("://", StringComparison.Ordinal);
        if (start < 0)
        {
            return text;
        }

        start += 3;
        var authorityEnd = text.IndexOfAny(['/', '?', '#'], start);
        var authority = authorityEnd < 0 ? text[start..] : text[start..authorityEnd];
        var at = authority.LastIndexOf('@');
        return at < 0 ? text : string.Concat(text.AsSpan(0, start), "****", text.AsSpan(start + at));
    }
}
