using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Delivery.Records;

/// <summary>How a stage ended in the run that made a candidate, as its QA evidence keeps it.</summary>
internal enum StageStatus
{
    Succeeded,

    /// <summary>Skipped by its own condition (<c>OnlyWhen</c>): as good as succeeded.</summary>
    SkippedByCondition,

    /// <summary>Skipped with <c>--skip</c>.</summary>
    SkippedOnRequest,

    /// <summary>Failed, with failure allowed.</summary>
    FailureAllowed,

    NotRun,

    Cancelled,

    /// <summary>
    /// Skipped with <c>--skip</c> in a CI job because an earlier job of the same CI run ran it and made the candidate
    /// (its manifest names this run and commit): how generated CI jobs split one build. <see cref="StageResult.Detail"/> is the run.
    /// </summary>
    RanInEarlierJob,

    /// <summary>
    /// Not run because nothing it depends on changed since a successful run of it with the same fingerprint (only
    /// successes are recorded): as good as succeeded, and said so. <see cref="StageResult.Detail"/> names that run.
    /// </summary>
    UpToDate,

    /// <summary>Not run: its outputs came from the build cache, left there by a successful run with the same fingerprint.</summary>
    RestoredFromCache,

    /// <summary>Text this version does not know (a ledger edited by hand); kept as written in <see cref="StageResult.Detail"/>.</summary>
    Unknown,
}

/// <summary>
/// A stage's outcome in a candidate's QA evidence, written in the ledger as text (<c>Succeeded</c>,
/// <c>Succeeded (skipped: reason)</c>, <c>Skipped (--skip)</c>, <c>Failed (failure allowed)</c>, <c>NotRun</c>),
/// and read back from the same text, so nothing else parses it.
/// </summary>
/// <param name="Detail">The skip reason of <see cref="StageStatus.SkippedByCondition"/>, or the text of <see cref="StageStatus.Unknown"/>.</param>
[JsonConverter(typeof(StageResultJsonConverter))]
internal sealed record StageResult(StageStatus Status, string? Detail = null)
{
    private const string SkippedPrefix = "Succeeded (skipped: ";

    private const string EarlierJobPrefix = "Succeeded (in an earlier job of ";

    private const string UpToDatePrefix = "Succeeded (up to date: ";

    private const string RestoredPrefix = "Succeeded (restored from the build cache: ";

    /// <summary>Good evidence: succeeded (here or in an earlier job of the same CI run), or skipped by its own condition rather than by <c>--skip</c>.</summary>
    public bool CountsAsSucceeded => Status is StageStatus.Succeeded or StageStatus.SkippedByCondition or StageStatus.RanInEarlierJob or StageStatus.UpToDate or StageStatus.RestoredFromCache;

    public override string ToString() => Status switch
    {
        StageStatus.SkippedByCondition => $"{SkippedPrefix}{Detail})",
        StageStatus.RanInEarlierJob => $"{EarlierJobPrefix}{Detail})",
        StageStatus.UpToDate => $"{UpToDatePrefix}{Detail})",
        StageStatus.RestoredFromCache => $"{RestoredPrefix}{Detail})",
        StageStatus.SkippedOnRequest => "Skipped (--skip)",
        StageStatus.FailureAllowed => "Failed (failure allowed)",
        StageStatus.Unknown => Detail ?? string.Empty,
        _ => Status.ToString(),
    };

    public static StageResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith(SkippedPrefix, StringComparison.Ordinal) && text.EndsWith(')'))
        {
            return new StageResult(StageStatus.SkippedByCondition, text[SkippedPrefix.Length..^1]);
        }

        if (text.StartsWith(EarlierJobPrefix, StringComparison.Ordinal) && text.EndsWith(')'))
        {
            return new StageResult(StageStatus.RanInEarlierJob, text[EarlierJobPrefix.Length..^1]);
        }

        if (text.StartsWith(UpToDatePrefix, StringComparison.Ordinal) && text.EndsWith(')'))
        {
            return new StageResult(StageStatus.UpToDate, text[UpToDatePrefix.Length..^1]);
        }

        if (text.StartsWith(RestoredPrefix, StringComparison.Ordinal) && text.EndsWith(')'))
        {
            return new StageResult(StageStatus.RestoredFromCache, text[RestoredPrefix.Length..^1]);
        }

        var known = new[] { StageStatus.Succeeded, StageStatus.SkippedOnRequest, StageStatus.FailureAllowed, StageStatus.NotRun, StageStatus.Cancelled }
            .Select(status => new StageResult(status))
            .FirstOrDefault(result => result.ToString() == text);
        return known ?? new StageResult(StageStatus.Unknown, text);
    }
}

/// <summary>Writes a <see cref="StageResult"/> as its text and reads it back.</summary>
internal sealed class StageResultJsonConverter : JsonConverter<StageResult>
{
    public override StageResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        StageResult.Parse(reader.GetString() ?? throw new JsonException("A stage's outcome is text."));

    public override void Write(Utf8JsonWriter writer, StageResult value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.ToString());
    }
}
