namespace Pipeline.Delivery.Records;

/// <summary>
/// Where one environment's ledger and its head are stored (a folder, a git ref): read as a whole, and replaced as
/// a whole only if nobody changed it since it was read (compare-and-swap), so two runners never lose a record.
/// </summary>
internal interface ILedgerFile
{
    /// <summary>Where it is, for people: a path, or the remote and ref.</summary>
    string Location { get; }

    /// <summary>What to tell a person who must restore it from an earlier state.</summary>
    string HowToRestore { get; }

    LedgerText Read();

    /// <summary>Writes <paramref name="content"/> and <paramref name="head"/>; false when the ledger changed since <paramref name="basis"/> was read.</summary>
    bool TryReplace(LedgerText basis, string content, LedgerHead head, TimeProvider clock);
}

/// <summary>
/// A ledger as read: its text, its head, and whether it may be a ledger written before records were chained
/// (which is read as it is and chained by its next append).
/// </summary>
internal sealed record LedgerText(string Content, LedgerHead? Head, bool MayBeUnchained)
{
    /// <summary>The records commit it was read at (the git backend's compare-and-swap basis).</summary>
    public string? Commit { get; init; }
}
