using System.Text.Json;
using Pipeline.Secrets;

namespace Pipeline.Delivery.Records;

/// <summary>
/// An environment's audit ledger: one JSON record per line (JSON Lines), each linked to the one before it by
/// hash (<see cref="LedgerChain"/>). Every read verifies the chain, and a ledger that does not verify is a
/// refusal naming the first bad line, never a ledger silently skipped over. Every append verifies first, links
/// the new record, masks secrets and writes through the store's compare-and-swap, reading again when another
/// runner appended in between.
/// </summary>
internal sealed class Ledger(ILedgerFile file, string environment)
{
    public const string FileName = "ledger.jsonl";

    private const int Attempts = 20;

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Where the ledger is, for people.</summary>
    public string Location => file.Location;

    /// <param name="clock">For the wait of a folder's append lock.</param>
    /// <param name="secrets">The run's secrets: masked before anything is written.</param>
    public void Append(LedgerRecord record, TimeProvider clock, SecretMasker secrets)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(secrets);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var current = file.Read();
            var verified = Verified(current);

            // A ledger from before chaining is chained now, as it reads: from here on it is tamper-evident.
            var lines = verified.Unchained ? [] : verified.Lines.ToList();
            foreach (var unchained in verified.Unchained ? verified.Records : [])
            {
                lines.Add(Linked(unchained, lines, secrets));
            }

            var previous = PreviousOf(lines);
            var line = Linked(record, lines, secrets);
            var content = string.Concat(lines.Append(line).Select(l => l + "\n"));
            if (file.TryReplace(current, content, new LedgerHead(lines.Count + 1, LedgerChain.HashOf(line), previous), clock))
            {
                return;
            }
        }

        throw new IOException(
            $"The ledger of {environment} ({Location}) changed under every one of {Attempts} attempts to append to it: other runners keep appending. Nothing was recorded; run again.");
    }

    /// <summary>Every record, oldest first; a ledger whose chain breaks is a refusal naming the line.</summary>
    public LedgerReading Read() => new(Verified(file.Read()).Records);

    /// <summary>What verifies and where the chain breaks, without refusing (for <c>--history</c>).</summary>
    public LedgerVerification Verify()
    {
        var text = file.Read();
        return LedgerChain.Verify(text.Content, text.Head, text.MayBeUnchained);
    }

    private LedgerVerification Verified(LedgerText text)
    {
        var verified = LedgerChain.Verify(text.Content, text.Head, text.MayBeUnchained);
        return verified.Break is { } broken ? throw new ReleaseRefusedException(Refusal(broken)) : verified;
    }

    private string Refusal(LedgerBreak broken) =>
        $"Refused: the ledger of {environment} does not verify ({Location}): line {broken.Line} {broken.Problem}. Nothing was recorded or deployed. " +
        $"To go on, {file.HowToRestore}, or move it aside to start a new ledger knowingly; ./build.sh --history {environment} shows what still verifies.";

    private static string PreviousOf(List<string> lines) => lines.Count == 0 ? LedgerChain.Start : LedgerChain.HashOf(lines[^1]);

    /// <summary>The record as the line that follows <paramref name="lines"/>, secrets masked.</summary>
    private static string Linked(LedgerRecord record, List<string> lines, SecretMasker secrets) =>
        secrets.Apply(JsonSerializer.Serialize(record with { Previous = PreviousOf(lines) }, Json));
}

/// <summary>The records of a ledger that verifies, oldest first.</summary>
internal sealed record LedgerReading(IReadOnlyList<LedgerRecord> Records);
