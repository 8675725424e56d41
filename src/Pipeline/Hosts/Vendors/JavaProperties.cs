using System.Globalization;
using System.Text;

namespace Pipeline.Hosts.Vendors;

/// <summary>A reader for the <c>java.util.Properties</c> text format TeamCity writes its parameter files in.</summary>
internal static class JavaProperties
{
    /// <summary>The file's properties; none when it is missing or unreadable.</summary>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        try
        {
            return File.Exists(path) ? Parse(File.ReadAllText(path)) : new Dictionary<string, string>();
        }
        catch (IOException)
        {
            return new Dictionary<string, string>();
        }
        catch (UnauthorizedAccessException)
        {
            return new Dictionary<string, string>();
        }
    }

    public static Dictionary<string, string> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in LogicalLines(text))
        {
            var trimmed = line.TrimStart(' ', '\t', '\f');
            if (trimmed.Length == 0 || trimmed[0] is '#' or '!')
            {
                continue;
            }

            // The key ends at the first unescaped '=', ':' or white space; one separator and the white
            // space around it are skipped.
            var end = 0;
            while (end < trimmed.Length && trimmed[end] is not ('=' or ':' or ' ' or '\t' or '\f'))
            {
                end += trimmed[end] == '\\' ? 2 : 1;
            }

            end = Math.Min(end, trimmed.Length);
            var rest = trimmed[end..].TrimStart(' ', '\t', '\f');
            if (rest.Length > 0 && rest[0] is '=' or ':')
            {
                rest = rest[1..].TrimStart(' ', '\t', '\f');
            }

            result[Unescape(trimmed[..end])] = Unescape(rest);
        }

        return result;
    }

    /// <summary>Lines joined where a line ends in an odd number of backslashes (a continuation).</summary>
    private static IEnumerable<string> LogicalLines(string text)
    {
        var current = new StringBuilder();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            var line = current.Length > 0 ? raw.TrimStart(' ', '\t', '\f') : raw;
            var backslashes = line.Length - line.TrimEnd('\\').Length;
            if (backslashes % 2 == 1)
            {
                current.Append(line, 0, line.Length - 1);
                continue;
            }

            current.Append(line);
            yield return current.ToString();
            current.Clear();
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i == value.Length - 1)
            {
                builder.Append(value[i]);
                continue;
            }

            var next = value[++i];
            switch (next)
            {
                case 't': builder.Append('\t'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 'f': builder.Append('\f'); break;
                case 'u' when i + 4 < value.Length
                    && int.TryParse(value.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                default: builder.Append(next); break;
            }
        }

        return builder.ToString();
    }
}
