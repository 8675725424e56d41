using Pipeline.Delivery;

namespace Pipeline.Definition;

public partial class Build
{
    private readonly List<DeliveryEnvironment> _environments = [];

    /// <summary>Where the delivery records are kept, when the script chose (<see cref="RecordsIn"/>).</summary>
    internal RecordsBackend? Records { get; private set; }

    /// <summary>Every declared environment, in declaration order.</summary>
    public IReadOnlyList<DeliveryEnvironment> Environments => _environments;

    /// <summary>
    /// Declares a QA environment: where a candidate is deployed and checked (<see cref="DeliveryEnvironment.Check"/>).
    /// By default it deploys into <c>artifacts/environments/&lt;name&gt;/</c>; its records are kept as <see cref="RecordsIn"/> says.
    /// </summary>
    public DeliveryEnvironment QaEnvironment(string name = "qa") => AddEnvironment(name, EnvironmentKind.Qa);

    /// <summary>Declares a production environment: released versions there are immutable. Default folder as for QA.</summary>
    public DeliveryEnvironment ProductionEnvironment(string name = "production") => AddEnvironment(name, EnvironmentKind.Production);

    /// <summary>
    /// Keeps every environment's records (ledger, approvals, QA evidence, locks) in <paramref name="backend"/>:
    /// <see cref="RecordsBackend.Git"/> to share them between every runner and laptop. <c>PIPELINE_RECORDS</c> overrides it.
    /// </summary>
    public void RecordsIn(RecordsBackend backend)
    {
        DefinitionGuard.ThrowIfRunning("RecordsIn");
        Records = backend ?? throw new ArgumentNullException(nameof(backend));
    }

    internal DeliveryEnvironment FindEnvironment(string name)
    {
        if (_environments.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)) is { } found)
        {
            return found;
        }

        var known = _environments.Count == 0 ? "the script declares none" : $"declared: {string.Join(", ", _environments.Select(e => e.Name))}";
        var suggestions = Planning.NameSuggester.Suggest(name, _environments.Select(e => e.Name));
        var hint = suggestions.Count > 0 ? $" Did you mean {string.Join(" or ", suggestions)}?" : string.Empty;
        throw new CommandLine.UsageException($"Unknown environment '{name}' ({known}).{hint}");
    }

    private DeliveryEnvironment AddEnvironment(string name, EnvironmentKind kind)
    {
        DefinitionGuard.ThrowIfRunning($"Environment '{name}'");
        if (!ParameterNames.IsValid(name))
        {
            throw new BuildDefinitionException($"Environment name '{name}' is not valid: use lower-case letters, digits and dashes, starting with a letter.");
        }

        if (_environments.Any(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new BuildDefinitionException($"Environment '{name}' is declared twice.");
        }

        var environment = new DeliveryEnvironment(name, kind, Root / "artifacts" / "environments" / name);
        _environments.Add(environment);
        return environment;
    }

    /// <summary>
    /// Describes the files in <paramref name="directory"/> as a release candidate (<see cref="ReleaseManifest"/>:
    /// every file's SHA-256 and size, <see cref="Version"/>, the commit, whether the working tree is dirty, the
    /// host and run) and writes it beside them as <c>release-manifest.json</c>. Its digest names the candidate.
    /// </summary>
    public ReleaseManifest WriteReleaseManifest(AbsolutePath directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var dirty = GitOutput.Read(Root, "status", "--porcelain") is not null;
        var manifest = ReleaseManifest.Create(directory, Version.ToNormalizedString(), Identity, dirty, (Run?.Time ?? TimeProvider.System).GetUtcNow());
        manifest.WriteTo(directory);
        Console.WriteLine($"Release candidate {manifest.Version} {manifest.Digest}{(dirty ? " (from a dirty working tree)" : string.Empty)}");

        // For the CI jobs that download the candidate: they verify it against this digest (README, "CI").
        Run?.SetOutput(CiGeneration.CiPipelinePlanner.CandidateDigestOutput, manifest.Digest);
        return manifest;
    }
}
