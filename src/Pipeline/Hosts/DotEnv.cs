namespace Pipeline.Hosts;

/// <summary>
/// Writes <c>KEY=value</c> lines for the files later steps read as dotenv: <c>artifacts/outputs.env</c>, which
/// quotes what needs it, and the strict files of hosts whose readers take no quoting at all.
/// </summary>
internal static class DotEnv
{
    /// <summary><c>KEY=value</c>; a value with line breaks or quotes in double quotes with <c>\n</c> escapes, as dotenv readers expect.</summary>
    public static string Line(KeyValuePair<string, string> output) =>
        output.Value.IndexOfAny(['\n', '\r', '"', '\\']) < 0
            ? $"{output.Key}={output.Value}\n"
            : $"{output.Key}=\"{output.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\"\n";

    /// <summary>
    /// <c>KEY=VALUE</c> lines for files read as dotenv without quoting (GitLab's <c>artifacts:reports:dotenv</c>,
    /// Bitbucket's shared variables). Those readers take no line breaks, and GitLab rejects the whole file over
    /// one bad line, so an output <see cref="StrictProblem"/> finds fault with is left out. Null when nothing is left.
    /// </summary>
    public static string? StrictLines(IReadOnlyList<KeyValuePair<string, string>>? outputs)
    {
        var text = string.Concat((outputs ?? []).Where(o => StrictProblem(o.Key, o.Value) is null).Select(o => $"{o.Key}={o.Value}\n"));
        return text.Length > 0 ? text : null;
    }

    /// <summary>Why a strict dotenv file cannot hold this output, or null when it can.</summary>
    public static string? StrictProblem(string name, string value) =>
        !IsVariableName(name) ? "its name is not a variable name" : IsMultiLine(value) ? "its value spans lines" : null;

    /// <summary>True for a name usable as an environment variable: ASCII letters, digits and <c>_</c>, not starting with a digit.</summary>
    public static bool IsVariableName(string name) =>
        name is { Length: > 0 }
        && name[0] is not (>= '0' and <= '9')
        && name.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_');

    /// <summary>True when the value spans lines (strict dotenv files cannot hold it).</summary>
    public static bool IsMultiLine(string value) =>
        value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal);
}
