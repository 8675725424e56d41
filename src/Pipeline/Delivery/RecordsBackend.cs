namespace Pipeline.Delivery;

/// <summary>
/// Where the delivery records (every environment's ledger, the release locks) are kept, chosen with
/// <see cref="Build.RecordsIn"/> and overridden by <c>PIPELINE_RECORDS</c> (<c>git</c>, <c>git:REMOTE</c>,
/// <c>folder:PATH</c>). The default is the local folder <c>.pipeline/records/</c>, outside <c>artifacts/</c>
/// and ignored by git.
/// </summary>
public sealed class RecordsBackend
{
    /// <summary>The ref of a remote that holds the records by default.</summary>
    public const string DefaultReference = "refs/pipeline/records";

    private RecordsBackend(AbsolutePath? folder, string? remote, string reference)
    {
        FolderPath = folder;
        Remote = remote;
        Reference = reference;
    }

    internal AbsolutePath? FolderPath { get; }

    internal string? Remote { get; }

    internal string Reference { get; }

    /// <summary>A local folder (one machine, or shared storage mounted on every runner): <c>&lt;folder&gt;/&lt;environment&gt;/</c>.</summary>
    public static RecordsBackend Folder(AbsolutePath directory) =>
        new(directory ?? throw new ArgumentNullException(nameof(directory)), null, DefaultReference);

    /// <summary>
    /// Commits on <paramref name="reference"/> of the git remote <paramref name="remote"/>: every runner that can
    /// fetch and push it shares one history and one lock per environment.
    /// </summary>
    public static RecordsBackend Git(string remote = "origin", string reference = DefaultReference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(remote);
        if (!reference.StartsWith("refs/", StringComparison.Ordinal) || reference.Contains(' ', StringComparison.Ordinal))
        {
            throw new BuildDefinitionException($"The records ref '{reference}' must be a full ref such as {DefaultReference}.");
        }

        return new(null, remote, reference);
    }

    /// <summary><c>PIPELINE_RECORDS</c>: <c>git</c>, <c>git:REMOTE</c>, <c>git:REMOTE:REF</c> or <c>folder:PATH</c> (relative to <paramref name="root"/>).</summary>
    internal static RecordsBackend Parse(string text, AbsolutePath root)
    {
        var parts = text.Split(':', 3);
        return parts[0] switch
        {
            "git" when parts.Length == 1 => Git(),
            "git" when parts.Length >= 2 && parts[1].Length > 0 => Git(parts[1], parts.Length == 3 ? parts[2] : DefaultReference),
            "folder" when parts.Length >= 2 && text[7..].Length > 0 => Folder(root / text[7..]),
            _ => throw new CommandLine.UsageException($"PIPELINE_RECORDS='{text}' is not a records backend: use git, git:REMOTE, git:REMOTE:REF or folder:PATH."),
        };
    }

    public override string ToString() => Remote is null ? $"folder {FolderPath}" : $"git {Reference} on {Remote}";
}
