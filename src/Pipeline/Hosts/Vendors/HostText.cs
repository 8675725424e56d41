using System.Globalization;
using System.Text;
using Pipeline.Secrets;

namespace Pipeline.Hosts.Vendors;

/// <summary>Text shaping shared by the hosts' protocols: one-line titles, safe section names, secret parts, outputs.</summary>
internal static class HostText
{
    /// <summary>A title on one line: protocol lines end at a line break.</summary>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');
    }

    /// <summary>A section or fold name from a title: lower-case ASCII letters, digits and <c>_</c> only.</summary>
    public static string SectionName(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var builder = new StringBuilder(title.Length);
        foreach (var c in title.Trim().ToLowerInvariant())
        {
            builder.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '_');
        }

        return builder.Length > 0 ? builder.ToString() : "section";
    }

    /// <summary>
    /// What to register with a host's masker: the value, and for a multi-line value (a key file) each of its
    /// lines worth masking (<see cref="SecretLines"/>), because logs are masked line by line.
    /// </summary>
    public static IReadOnlyList<string> SecretParts(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return [];
        }

        if (!DotEnv.IsMultiLine(value))
        {
            return [value];
        }

        return [.. new[] { value }.Concat(SecretLines.Of(value)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The annotation's known file, line and column, in that order, under the host's own names for them
    /// (<c>file</c>/<c>line</c>/<c>col</c> on GitHub, <c>sourcepath</c>/<c>linenumber</c>/<c>columnnumber</c> on Azure).
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> Location(Annotation annotation, string fileName, string lineName, string columnName)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        if (annotation.File is { } file)
        {
            yield return new(fileName, file);
        }

        if (annotation.Line is { } line)
        {
            yield return new(lineName, line.ToString(CultureInfo.InvariantCulture));
        }

        if (annotation.Column is { } column)
        {
            yield return new(columnName, column.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>An annotation as one message for hosts without separate title or location fields: <c>file(line,col): title: message</c>.</summary>
    public static string Describe(Annotation annotation, bool withLocation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        var text = new StringBuilder();
        if (withLocation && annotation.File is { } file)
        {
            text.Append(file);
            if (annotation.Line is { } line)
            {
                text.Append(CultureInfo.InvariantCulture, $"({line}");
                if (annotation.Column is { } column)
                {
                    text.Append(CultureInfo.InvariantCulture, $",{column}");
                }

                text.Append(')');
            }

            text.Append(": ");
        }

        if (annotation.Title is { } title)
        {
            text.Append(title).Append(": ");
        }

        return text.Append(annotation.Message).ToString();
    }

    /// <summary>
    /// The dotenv lines appended to <paramref name="path"/>, and a warning for each output those files cannot
    /// hold, so that an output a later job expects is never missing without a word.
    /// </summary>
    public static IEnumerable<HostEffect> DotEnvEffects(string path, IReadOnlyList<KeyValuePair<string, string>>? outputs, string hostName)
    {
        if (DotEnv.StrictLines(outputs) is { } lines)
        {
            yield return new AppendToFile(path, lines);
        }

        foreach (var (name, value) in outputs ?? [])
        {
            if (DotEnv.StrictProblem(name, value) is { } problem)
            {
                yield return new HostWarning(
                    $"{hostName} cannot pass output '{name}' to later steps: {problem}, which its dotenv file cannot hold. It is written to artifacts/outputs.env only.");
            }
        }
    }
}
