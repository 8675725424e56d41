using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Execution;

namespace Pipeline.Partitions;

/// <summary>
/// The result files of partitioned runs: <c>artifacts/partitions/&lt;Target&gt;.&lt;i&gt;-of-&lt;n&gt;.json</c>, written
/// atomically by each slice's run and read by the run that merges them (the CI host carries them between jobs).
/// </summary>
internal static class PartitionFiles
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    public static string Folder(AbsolutePath root) => root / "artifacts" / "partitions";

    /// <summary>The file of slice <paramref name="index"/> of <paramref name="count"/>, relative to the repository root.</summary>
    public static string RelativePath(Target target, int index, int count) => $"artifacts/partitions/{FileStem(target)}.{index}-of-{count}.json";

    /// <summary>Every slice count that has at least one result file for <paramref name="target"/>.</summary>
    public static IReadOnlySet<int> CountsFound(AbsolutePath root, Target target)
    {
        var folder = Folder(root);
        if (!Directory.Exists(folder))
        {
            return new HashSet<int>();
        }

        var pattern = new Regex($"^{Regex.Escape(FileStem(target))}\\.[0-9]+-of-(?<count>[0-9]+)\\.json$", RegexOptions.CultureInvariant);
        var counts = new HashSet<int>();
        foreach (var match in Directory.EnumerateFiles(folder).Select(path => pattern.Match(Path.GetFileName(path))).Where(m => m.Success))
        {
            if (int.TryParse(match.Groups["count"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                counts.Add(count);
            }
        }

        return counts;
    }

    public static void Write(AbsolutePath root, Target target, PartitionResult result) =>
        AtomicFile.WriteAllText(root / RelativePath(target, result.Index, result.Count), Serialize(result));

    /// <summary>The slice's result, or null when its file is missing.</summary>
    /// <exception cref="InvalidDataException">The file is not a partition result of this slice.</exception>
    public static PartitionResult? Read(AbsolutePath root, Target target, int index, int count)
    {
        var relative = RelativePath(target, index, count);
        var path = root / relative;
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var element = json.RootElement;
            var result = new PartitionResult(
                element.GetProperty("target").GetString() ?? string.Empty,
                element.GetProperty("index").GetInt32(),
                element.GetProperty("count").GetInt32(),
                ParseOutcome(element.GetProperty("outcome").GetString()),
                TimeSpan.FromSeconds(element.GetProperty("durationSeconds").GetDouble()),
                element.GetProperty("reason").GetString(),
                [.. element.GetProperty("closingLines").EnumerateArray().Select(line => line.GetString() ?? string.Empty)]);
            return result.Target == target.Name && result.Index == index && result.Count == count
                ? result
                : throw new InvalidDataException($"{relative} holds the result of {result.Target} {result.Slice}, not of {target.Name} {index}/{count}");
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{relative} is not a partition result ({exception.Message})", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{relative} could not be read ({exception.Message})", exception);
        }
    }

    private static string Serialize(PartitionResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Indented))
        {
            json.WriteStartObject();
            json.WriteString("target", result.Target);
            json.WriteNumber("index", result.Index);
            json.WriteNumber("count", result.Count);
            json.WriteString("outcome", OutcomeName(result.Outcome));
            json.WriteNumber("durationSeconds", Math.Round(result.Duration.TotalSeconds, 3));
            json.WriteString("reason", result.Reason);
            json.WriteStartArray("closingLines");
            foreach (var line in result.ClosingLines)
            {
                json.WriteStringValue(line);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary><c>succeeded</c>, <c>not-run</c>, …: the names the JSON summary uses.</summary>
    public static string OutcomeName(TargetOutcome outcome) => JsonNamingPolicy.KebabCaseLower.ConvertName(outcome.ToString());

    private static TargetOutcome ParseOutcome(string? name)
    {
        foreach (var outcome in Enum.GetValues<TargetOutcome>())
        {
            if (OutcomeName(outcome) == name)
            {
                return outcome;
            }
        }

        throw new FormatException($"unknown outcome '{name}'");
    }

    /// <summary>The target's name as a file name: characters a file system refuses become '_'.</summary>
    private static string FileStem(Target target) =>
        string.Concat(target.Name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '/' or '\\' or ':' ? '_' : c));
}
