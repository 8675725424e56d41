using System.Text;

namespace Pipeline.Hosts;

/// <summary>
/// An address built from variables: <c>{NAME}</c> stands for a variable's value, and the address is null when
/// any of them is unset. A template that starts with a variable takes it as the server's base address, whose
/// trailing <c>/</c> is dropped (<c>https://github.com/</c> and <c>https://github.com</c> give the same page).
/// </summary>
internal sealed record UrlTemplate(string Text)
{
    public string? Fill(HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var url = new StringBuilder();
        var at = 0;
        while (at < Text.Length)
        {
            var open = Text.IndexOf('{', at);
            if (open < 0)
            {
                url.Append(Text, at, Text.Length - at);
                break;
            }

            var close = Text.IndexOf('}', open);
            if (close < 0)
            {
                throw new FormatException($"Unclosed '{{' in the address template '{Text}'.");
            }

            url.Append(Text, at, open - at);
            if (environment[Text[(open + 1)..close]] is not { } value)
            {
                return null;
            }

            url.Append(open == 0 ? value.TrimEnd('/') : value);
            at = close + 1;
        }

        return url.ToString();
    }
}
