namespace Pipeline.Delivery.Records;

/// <summary>
/// Where a run's delivery records live: every environment's ledger and release lock. Every reader and writer of
/// records goes through here, so the backend is one choice: <c>PIPELINE_RECORDS</c>, else the environment's own
/// <see cref="DeliveryEnvironment.RecordsIn"/> folder, else the script's <see cref="Build.RecordsIn"/>, else the
/// local folder <c>.pipeline/records/</c> (reading a ledger left in <c>artifacts/environments/</c> by earlier
/// versions until its next append moves it).
/// </summary>
internal sealed class RecordsStore
{
    private readonly AbsolutePath _root;
    private readonly RecordsBackend? _override;
    private readonly RecordsBackend? _chosen;
    private readonly Lazy<GitRecords?> _git;

    private RecordsStore(AbsolutePath root, RecordsBackend? variable, RecordsBackend? script)
    {
        _root = root;
        _override = variable;
        _chosen = variable ?? script;
        _git = new Lazy<GitRecords?>(() => _chosen?.Remote is { } remote ? new GitRecords(root, remote, _chosen.Reference) : null);
    }

    /// <summary>The store of a run of <paramref name="build"/>; a malformed <c>PIPELINE_RECORDS</c> is a usage error.</summary>
    public static RecordsStore For(Build build, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(environment);
        var variable = environment("PIPELINE_RECORDS") is { Length: > 0 } text ? RecordsBackend.Parse(text, build.Root) : null;
        return new RecordsStore(build.Root, variable, build.Records);
    }

    public AbsolutePath DefaultFolder => _root / ".pipeline" / "records";

    public Ledger LedgerOf(DeliveryEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (_git.Value is { } git && Own(environment) is null)
        {
            return new Ledger(new GitLedgerFile(git, environment.Name, DefaultFolderLedger(environment)), environment.Name);
        }

        var file = Own(environment) is { } own ? new FolderLedgerFile(own, null, mayBeUnchained: true)
            : _chosen?.FolderPath is { } folder ? new FolderLedgerFile(folder / environment.Name, null, mayBeUnchained: false)
            : DefaultFolderLedger(environment);
        return new Ledger(file, environment.Name);
    }

    private FolderLedgerFile DefaultFolderLedger(DeliveryEnvironment environment) =>
        new(DefaultFolder / environment.Name, _root / "artifacts" / "environments" / environment.Name, mayBeUnchained: false) { KeepsItselfOutOfGit = true };

    public IReleaseLock LockOf(DeliveryEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (_git.Value is { } git && Own(environment) is null)
        {
            return new GitReleaseLock(git, environment.Name);
        }

        var folder = Own(environment) ?? (_chosen?.FolderPath is { } chosen ? chosen / environment.Name : DefaultFolder / environment.Name);
        return new FolderReleaseLock(folder / "release.lock");
    }

    /// <summary>The environment's own records folder, unless <c>PIPELINE_RECORDS</c> overrides it.</summary>
    private AbsolutePath? Own(DeliveryEnvironment environment) => _override is null ? environment.RecordsDirectory : null;
}
