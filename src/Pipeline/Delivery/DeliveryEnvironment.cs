using Pipeline.Delivery.Deployers;

namespace Pipeline.Delivery;

/// <summary>
/// A place a candidate is deployed to: QA or production, with a deployer (by default the folder
/// <c>artifacts/environments/&lt;name&gt;/</c>) and its checks. Its records (ledger and lock) are kept by the
/// build's records backend (<see cref="Build.RecordsIn"/>), or in a folder of its own (<see cref="RecordsIn"/>). Declared with <see cref="Build.QaEnvironment"/> or <see cref="Build.ProductionEnvironment"/>.
/// </summary>
public sealed class DeliveryEnvironment
{
    private readonly List<QaCheck> _checks = [];

    internal DeliveryEnvironment(string name, EnvironmentKind kind, AbsolutePath defaultFolder)
    {
        Name = name;
        Kind = kind;
        Deployer = new FolderDeployer(defaultFolder);
    }

    public string Name { get; }

    public EnvironmentKind Kind { get; }

    public IDeployer Deployer { get; private set; }

    /// <summary>The folder of its own its ledger (<c>ledger.jsonl</c>) and release lock are kept in, if <see cref="RecordsIn"/> gave one.</summary>
    public AbsolutePath? RecordsDirectory { get; private set; }

    internal IReadOnlyList<QaCheck> Checks => _checks;

    public DeliveryEnvironment DeploysWith(IDeployer deployer)
    {
        Deployer = deployer ?? throw new ArgumentNullException(nameof(deployer));
        return this;
    }

    /// <summary>Keeps the ledger and lock in <paramref name="directory"/> (shared storage, when several machines deploy).</summary>
    public DeliveryEnvironment RecordsIn(AbsolutePath directory)
    {
        RecordsDirectory = directory ?? throw new ArgumentNullException(nameof(directory));
        return this;
    }

    /// <summary>
    /// A check run against every deployment here (a smoke test of the deployed package); it fails by throwing.
    /// In QA the verdicts are the candidate's QA evidence, bound to its digest; in production they run after a
    /// release or rollback is published, are recorded as a check of that digest, and a failure fails the run
    /// (with <see cref="ReleasePolicy.RollbackOnFailedCheck"/>, after putting the previous release back).
    /// </summary>
    public DeliveryEnvironment Check(string name, Func<Deployment, CancellationToken, Task> check)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(check);
        _checks.Add(new QaCheck(name, check));
        return this;
    }

    public override string ToString() => Name;
}

internal sealed record QaCheck(string Name, Func<Deployment, CancellationToken, Task> Run);
