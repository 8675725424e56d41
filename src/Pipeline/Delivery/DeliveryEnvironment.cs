using Pipeline.Delivery.Deployers;
using Pipeline.Delivery.Records;

namespace Pipeline.Delivery;

/// <summary>
/// A place a candidate is deployed to: QA or production, with a deployer (by default the folder
/// <c>artifacts/environments/&lt;name&gt;/</c>), its QA checks, and its records (ledger and lock, by default
/// in that same folder). Declared with <see cref="Build.QaEnvironment"/> or <see cref="Build.ProductionEnvironment"/>.
/// </summary>
public sealed class DeliveryEnvironment
{
    private readonly List<QaCheck> _checks = [];

    internal DeliveryEnvironment(string name, EnvironmentKind kind, AbsolutePath defaultFolder)
    {
        Name = name;
        Kind = kind;
        RecordsDirectory = defaultFolder;
        Deployer = new FolderDeployer(defaultFolder);
    }

    public string Name { get; }

    public EnvironmentKind Kind { get; }

    public IDeployer Deployer { get; private set; }

    /// <summary>Where the ledger (<c>ledger.jsonl</c>) and the release lock are kept.</summary>
    public AbsolutePath RecordsDirectory { get; private set; }

    internal Ledger Ledger => new(RecordsDirectory);

    internal string LockPath => RecordsDirectory / "release.lock";

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
    /// Passing checks are recorded as the candidate's QA evidence, bound to its digest.
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
