using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pipeline.Delivery.Records;

/// <summary>
/// The ledger's hash chain. Every record names the SHA-256 of the line before it (<see cref="LedgerRecord.Previous"/>;
/// the first names <see cref="Start"/>), and the ledger's head names how many records there are and the hash of
/// the last, so an edited, garbled, reordered, removed or truncated line breaks the chain at a line that can be named.
/// </summary>
internal static class LedgerChain
{
    /// <summary>What the first record of a ledger names as its previous one.</summary>
    public const string Start = "none";

    public static string HashOf(string line) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(line)));

    /// <summary>The ledger's lines, checked link by link against each other and against its head.</summary>
    /// <param name="mayBeUnchained">A ledger written before records were chained (no link on any line, no head) is read as it is.</param>
    public static LedgerVerification Verify(string content, LedgerHead? head, bool mayBeUnchained)
    {
        ArgumentNullException.ThrowIfNull(content);
        var lines = Lines(content);
        var records = new List<LedgerRecord>();
        var unchained = 0;
        for (var index = 0; index < lines.Count; index++)
        {
            var number = index + 1;
            if (Parse(lines[index]) is not { } record)
            {
                return Broken(records, lines, number, lines[index].Length == 0 ? "is empty: the file was edited" : "is not a record: garbled or edited by hand");
            }

            if (record.Previous is null)
            {
                if (!mayBeUnchained || head is not null || records.Count > unchained)
                {
                    return Broken(records, lines, number, "has no link to the record before it: it was not written by Pipeline (added or edited by hand)");
                }

                unchained++;
                records.Add(record);
                continue;
            }

            if (unchained > 0)
            {
                return Broken(records, lines, number, "is linked, but the records before it are not: the ledger was edited");
            }

            var expected = index == 0 ? Start : HashOf(lines[index - 1]);
            if (record.Previous != expected)
            {
                return Broken(records, lines, number, index == 0
                    ? "does not start the ledger: the records before it were removed"
                    : $"does not follow line {number - 1}: line {number - 1} was changed, or records between them were removed or reordered");
            }

            records.Add(record);
        }

        if (unchained > 0 || lines.Count == 0 && head is null)
        {
            return new LedgerVerification(records, lines, null) { Unchained = unchained > 0 };
        }

        return HeadProblem(lines, head) is { } problem
            ? new LedgerVerification(records, lines, problem)
            : new LedgerVerification(records, lines, null);
    }

    /// <summary>
    /// A folder writes its head as pending before the ledger and final after it: a ledger one record short of a
    /// pending head, whose last line is the one the head names as previous, is an append that stopped between the
    /// writes, not tampering. Any other difference from the head is.
    /// </summary>
    private static LedgerBreak? HeadProblem(IReadOnlyList<string> lines, LedgerHead? head)
    {
        if (head is null)
        {
            return lines.Count == 1 ? null : new LedgerBreak(lines.Count, "is not what the ledger's head names: the head is missing");
        }

        if (lines.Count == head.Records && HashOf(lines[^1]) == head.Last)
        {
            return null;
        }

        if (head.Pending && lines.Count == head.Records - 1 && (lines.Count == 0 ? Start : HashOf(lines[^1])) == head.Previous)
        {
            return null;
        }

        if (lines.Count < head.Records)
        {
            return new LedgerBreak(Math.Max(lines.Count, 1), $"is the last line, but the ledger's head says it has {head.Records} records: records were removed from the end");
        }

        return lines.Count == head.Records
            ? new LedgerBreak(lines.Count, "was changed: it is not the last record the ledger's head names")
            : new LedgerBreak(head.Records + 1, $"follows the last record the ledger's head names (line {head.Records}): it was added by hand");
    }

    private static LedgerVerification Broken(List<LedgerRecord> records, IReadOnlyList<string> lines, int line, string problem) =>
        new(records, lines, new LedgerBreak(line, problem));

    /// <summary>The ledger's lines; the newline after the last is not a line of its own.</summary>
    public static IReadOnlyList<string> Lines(string content)
    {
        if (content.Length == 0)
        {
            return [];
        }

        var lines = content.Split('\n');
        return content.EndsWith('\n') ? lines[..^1] : lines;
    }

    private static LedgerRecord? Parse(string line)
    {
        if (line.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<LedgerRecord>(line, Ledger.Json);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}

/// <summary>How many records a ledger holds, the hash of the last, and of the one before it: written with every append.</summary>
internal sealed record LedgerHead(int Records, string Last, string Previous)
{
    /// <summary>Written before the ledger it describes (a folder's first of two writes).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool Pending { get; init; }
}

/// <summary>Where a ledger's chain breaks: the first line that does not verify (1-based), and what is wrong with it.</summary>
internal sealed record LedgerBreak(int Line, string Problem);

/// <summary>
/// The records that verify (all of them, or those before <see cref="Break"/>), the ledger's lines as stored, and
/// whether it was written before records were chained.
/// </summary>
internal sealed record LedgerVerification(IReadOnlyList<LedgerRecord> Records, IReadOnlyList<string> Lines, LedgerBreak? Break)
{
    public bool Unchained { get; init; }
}
