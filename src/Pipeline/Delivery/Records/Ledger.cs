using System.Text;
using System.Text.Json;
using Pipeline.Secrets;

namespace Pipeline.Delivery.Records;

/// <summary>
/// An environment's audit ledger: <c>ledger.jsonl</c>, one JSON record per line, appended under a lock. Each
/// append writes the whole file anew and renames it into place, so an interrupted run leaves the ledger as it
/// was or with the new record, never half of one; secrets are masked before anything is written.
/// </summary>
internal sealed class Ledger(AbsolutePath directory)
{
    public const string FileName = "ledger.jsonl";

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public AbsolutePath Path { get; } = directory / FileName;

    /// <param name="clock">For the append lock's wait and the time its holder file names.</param>
    /// <param name="secrets">The run's secrets: masked before anything is written.</param>
    public void Append(LedgerRecord record, TimeProvider clock, SecretMasker secrets)
    {
        ArgumentNullException.ThrowIfNull(record);
        var line = secrets.Apply(JsonSerializer.Serialize(record, Json)) + "\n";
        using var exclusive = FileLock.Acquire(new LockRequest(Path + ".lock", TimeSpan.FromMinutes(1), "appending to the ledger"), clock, CancellationToken.None)
            ?? throw new IOException($"The ledger {Path} stayed locked for a minute.");
        var existing = File.Exists(Path) ? File.ReadAllBytes(Path) : [];
        var separator = existing.Length > 0 && existing[^1] != (byte)'\n' ? "\n"u8.ToArray() : [];
        AtomicFile.WriteAllBytes(Path, [.. existing, .. separator, .. Encoding.UTF8.GetBytes(line)]);
    }

    /// <summary>Every record, oldest first. A line that is not a record (edited by hand) is skipped and counted.</summary>
    public LedgerReading Read()
    {
        if (!File.Exists(Path))
        {
            return new LedgerReading([], []);
        }

        var records = new List<LedgerRecord>();
        var unreadable = new List<int>();
        var number = 0;
        foreach (var line in File.ReadLines(Path))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                records.Add(JsonSerializer.Deserialize<LedgerRecord>(line, Json) ?? throw new JsonException("null"));
            }
            catch (JsonException)
            {
                unreadable.Add(number);
            }
        }

        return new LedgerReading(records, unreadable);
    }
}

/// <summary>The records of a ledger, and the numbers of lines that could not be read as one.</summary>
internal sealed record LedgerReading(IReadOnlyList<LedgerRecord> Records, IReadOnlyList<int> UnreadableLines);
