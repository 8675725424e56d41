using System.Text.Json;

namespace Pipeline.Delivery.Records;

/// <summary>
/// A ledger in a local folder: <c>ledger.jsonl</c> and <c>ledger.head</c>, read and replaced under a file lock
/// (so a reader never sees one file new and the other old), each file renamed into place whole. The head is
/// written as pending before the ledger and final after it, so a run stopped between the writes leaves a ledger
/// that reads as before (see <see cref="LedgerChain"/>).
/// </summary>
/// <param name="legacy">
/// The ledger's folder before records had a store of their own (<c>artifacts/environments/&lt;name&gt;/</c>): read
/// while the folder holds none, so existing ledgers keep working; the first append moves it here, chained.
/// </param>
/// <param name="mayBeUnchained">Whether a ledger without a head here may be one written before chaining.</param>
internal sealed class FolderLedgerFile(AbsolutePath directory, AbsolutePath? legacy, bool mayBeUnchained) : ILedgerFile
{
    /// <summary>Writes a <c>.gitignore</c> of <c>*</c> into the folder above, so records never show as changes to commit.</summary>
    public bool KeepsItselfOutOfGit { get; init; }

    private AbsolutePath LedgerPath => directory / Ledger.FileName;

    private AbsolutePath HeadPath => directory / "ledger.head";

    public string Location => LedgerPath;

    public string HowToRestore => $"restore {LedgerPath} and {HeadPath} from a backup";

    public LedgerText Read()
    {
        if (!Directory.Exists(directory))
        {
            return ReadUnlocked();
        }

        using var exclusive = Lock(TimeProvider.System);
        return ReadUnlocked();
    }

    private LedgerText ReadUnlocked()
    {
        if (File.Exists(LedgerPath))
        {
            return new LedgerText(File.ReadAllText(LedgerPath), ReadHead(), mayBeUnchained);
        }

        if (legacy is not null && File.Exists(legacy / Ledger.FileName))
        {
            return new LedgerText(File.ReadAllText(legacy / Ledger.FileName), null, MayBeUnchained: true);
        }

        return new LedgerText(string.Empty, ReadHead(), mayBeUnchained);
    }

    public bool TryReplace(LedgerText basis, string content, LedgerHead head, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(head);
        using var exclusive = Lock(clock);
        if (ReadUnlocked() != basis)
        {
            return false;
        }

        if (KeepsItselfOutOfGit && Path.GetDirectoryName(directory.ToString()) is { } parent && !File.Exists(Path.Combine(parent, ".gitignore")))
        {
            AtomicFile.WriteAllText(Path.Combine(parent, ".gitignore"), "# Pipeline's delivery records: local, never committed.\n*\n");
        }

        AtomicFile.WriteAllText(HeadPath, JsonSerializer.Serialize(head with { Pending = true }, Ledger.Json) + "\n");
        AtomicFile.WriteAllText(LedgerPath, content);
        AtomicFile.WriteAllText(HeadPath, JsonSerializer.Serialize(head, Ledger.Json) + "\n");
        return true;
    }

    private FileLock Lock(TimeProvider clock) =>
        FileLock.Acquire(new LockRequest(LedgerPath + ".lock", TimeSpan.FromMinutes(1), "reading or appending to the ledger"), clock, CancellationToken.None)
        ?? throw new IOException(
            $"The ledger {LedgerPath} stayed locked for a minute (by {FileLock.Holder(LedgerPath + ".lock") ?? "another process"}); run again once that process has finished.");

    private LedgerHead? ReadHead()
    {
        try
        {
            return File.Exists(HeadPath) ? JsonSerializer.Deserialize<LedgerHead>(File.ReadAllText(HeadPath), Ledger.Json) : null;
        }
        catch (JsonException)
        {
            // A garbled head is a head that names nothing: the chain check then says the ledger does not match it.
            return new LedgerHead(-1, "garbled", "garbled");
        }
    }
}
