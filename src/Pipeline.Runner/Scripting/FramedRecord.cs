namespace Pipeline.Runner.Scripting;

/// <summary>
/// The file format of the runner's cache records: a header naming the kind of record and its version, the body
/// lines, then <c>end</c>, which proves the record was written whole.
/// </summary>
internal static class FramedRecord
{
    private const string End = "end";

    /// <summary>The body lines, or null when the file is missing, unreadable, of another kind or version, or truncated.</summary>
    public static string[]? ReadBody(string path, string header)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return lines.Length >= 2 && lines[0] == header && lines[^1] == End ? lines[1..^1] : null;
    }

    /// <summary>The whole record: the header, the body (lines that each end in a line feed), and the end line.</summary>
    public static string Frame(string header, string body) => $"{header}\n{body}{End}\n";
}
