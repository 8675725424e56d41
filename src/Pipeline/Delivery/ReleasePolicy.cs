namespace Pipeline.Delivery;

/// <summary>
/// The rules a deployment must pass, evaluated the same on a laptop and on every CI host, each reported by name.
/// Integrity (the candidate's bytes match its manifest) and one deployment at a time per environment always
/// hold; a promotion also requires the candidate to have passed QA and refuses downgrades unless told otherwise.
/// </summary>
public sealed class ReleasePolicy
{
    private readonly List<string> _allowedRefs = [];
    private readonly List<FreezeWindow> _freezes = [];
    private readonly List<string> _breakGlass = [];

    /// <summary>
    /// Delivery (a person approves) or deployment (no person); the command line and PIPELINE_RELEASE_MODE may make it
    /// stricter, and weaker only with <see cref="AllowModeOverride"/>.
    /// </summary>
    public ReleaseMode Mode { get; private set; } = ReleaseMode.Delivery;

    public TimeSpan? ApprovalValidity { get; private set; }

    public bool IndependentApproverRequired { get; private set; }

    public IReadOnlyList<string> AllowedRefs => _allowedRefs;

    public bool CleanWorkingTree { get; private set; }

    public bool PassedQa { get; private set; } = true;

    public bool StableVersion { get; private set; }

    public bool NoDowngrade { get; private set; } = true;

    public IReadOnlyList<FreezeWindow> Freezes => _freezes;

    /// <summary>The allowed-signers file approvals are verified against (relative to the repository root); null when approvals need no signature.</summary>
    internal string? AllowedSignersFile { get; private set; }

    /// <summary>The file mapping each person's other identities to one name (relative to the repository root), if any.</summary>
    internal string? IdentityAliasesFile { get; private set; }

    /// <summary>How many different people must approve the same digest (default one).</summary>
    internal int RequiredApprovals { get; private set; } = 1;

    /// <summary>The identities who may override a freeze window (<c>--override-freeze</c>); nobody when empty.</summary>
    internal IReadOnlyList<string> BreakGlassIdentities => _breakGlass;

    /// <summary>How long a second release waits for the first before it is refused.</summary>
    public TimeSpan LockWait { get; private set; } = TimeSpan.FromMinutes(1);

    /// <summary>Continuous delivery: a person approves each candidate (<c>--approve</c>).</summary>
    public ReleasePolicy ContinuousDelivery() => Set(() => Mode = ReleaseMode.Delivery);

    /// <summary>Continuous deployment: released without a person when every other rule holds.</summary>
    public ReleasePolicy ContinuousDeployment() => Set(() => Mode = ReleaseMode.Deployment);

    /// <summary>An approval older than <paramref name="validity"/> no longer counts.</summary>
    public ReleasePolicy ApprovalValidFor(TimeSpan validity) => Set(() => ApprovalValidity = validity > TimeSpan.Zero
        ? validity
        : throw new BuildDefinitionException("An approval must be valid for a positive time."));

    /// <summary>
    /// Separation of duties: an approver must be neither an author of a commit being released (since the
    /// environment's last release) nor the person who triggered the run on a CI host.
    /// </summary>
    public ReleasePolicy ApproverMustNotBeAuthor() => Set(() => IndependentApproverRequired = true);

    /// <summary>
    /// Only from these refs: <c>refs/...</c> patterns match the whole ref; others match the branch or tag name
    /// (<c>main</c>, <c>release/*</c>, <c>v*</c>). <c>*</c> matches anything. Pull request builds never qualify.
    /// Without it, a release comes only from the default branch or a SemVer tag (<c>v1.2.3</c>, <c>1.2.3</c>).
    /// </summary>
    public ReleasePolicy AllowRefs(params string[] patterns) => Set(() => _allowedRefs.AddRange(patterns));

    public ReleasePolicy RequireCleanWorkingTree() => Set(() => CleanWorkingTree = true);

    /// <summary>No pre-release versions (<c>1.2.0-alpha.0.3</c>) in this environment.</summary>
    public ReleasePolicy RequireStableVersion() => Set(() => StableVersion = true);

    /// <summary>Waives the QA evidence rule (for an environment that is itself the first check).</summary>
    public ReleasePolicy WithoutQaEvidence() => Set(() => PassedQa = false);

    /// <summary>Allows versions below the last released one without <c>--rollback-to</c>.</summary>
    public ReleasePolicy AllowDowngrade() => Set(() => NoDowngrade = false);

    public ReleasePolicy Freeze(FreezeWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return Set(() => _freezes.Add(window));
    }

    /// <summary>
    /// Approvals are signed with the approver's SSH key (<c>ssh-keygen -Y sign</c>, as git signs commits) and
    /// verified against <paramref name="allowedSignersPath"/> (git's allowed-signers format, relative to the
    /// repository root); the approver is the principal that file gives the key. Unsigned or forged approvals do not count.
    /// </summary>
    public ReleasePolicy RequireSignedApprovals(string allowedSignersPath) => Set(() => AllowedSignersFile = string.IsNullOrWhiteSpace(allowedSignersPath)
        ? throw new BuildDefinitionException("RequireSignedApprovals needs the path of an allowed-signers file, e.g. \"build/allowed-signers\".")
        : allowedSignersPath);

    /// <summary>Other identities of the same people, one person per line: <c>alice@example.com: alice, alice@corp.example</c>.</summary>
    public ReleasePolicy IdentityAliases(string path) => Set(() => IdentityAliasesFile = string.IsNullOrWhiteSpace(path)
        ? throw new BuildDefinitionException("IdentityAliases needs the path of an alias file, e.g. \"build/identities\".")
        : path);

    /// <summary>At least <paramref name="count"/> different people approve the same digest.</summary>
    public ReleasePolicy MinimumApprovals(int count) => Set(() => RequiredApprovals = count >= 1
        ? count
        : throw new BuildDefinitionException($"MinimumApprovals needs at least one approval, got {count}."));

    /// <summary>Only these identities may override a freeze window with <c>--override-freeze REASON</c> (the ledger keeps who and why).</summary>
    public ReleasePolicy BreakGlassBy(params string[] identities)
    {
        ArgumentNullException.ThrowIfNull(identities);
        return Set(() => _breakGlass.AddRange(identities.Any(string.IsNullOrWhiteSpace)
            ? throw new BuildDefinitionException("BreakGlassBy needs identities, not empty names.")
            : identities));
    }

    /// <summary>How long a release waits for another one in progress on the same environment (default one minute).</summary>
    public ReleasePolicy OneReleaseAtATime(TimeSpan wait) => Set(() => LockWait = wait >= TimeSpan.Zero
        ? wait
        : throw new BuildDefinitionException("The lock wait cannot be negative."));

    /// <summary>
    /// Lets <c>--release-mode</c> and <c>PIPELINE_RELEASE_MODE</c> weaken this policy (continuous delivery to continuous
    /// deployment). Without it they may only make it stricter: the script is the ceiling.
    /// </summary>
    public ReleasePolicy AllowModeOverride() => Set(() => ModeOverrideAllowed = true);

    /// <summary>When a check of the environment fails after a release, deploy the previous release's bytes again (recorded as a rollback).</summary>
    public ReleasePolicy RollbackOnFailedCheck() => Set(() => RollsBackOnFailedCheck = true);

    /// <summary>Refuses a candidate until it passed QA at least <paramref name="time"/> ago (a soak in QA).</summary>
    public ReleasePolicy SoakInQa(TimeSpan time) => Set(() => Soak = time > TimeSpan.Zero
        ? time
        : throw new BuildDefinitionException("A soak in QA must last a positive time."));

    internal bool ModeOverrideAllowed { get; private set; }

    internal bool RollsBackOnFailedCheck { get; private set; }

    internal TimeSpan? Soak { get; private set; }

    /// <summary>The policy of a QA deployment: no person, no QA evidence (it is the QA), no downgrade rule.</summary>
    internal static ReleasePolicy ForQa() => new ReleasePolicy().ContinuousDeployment().WithoutQaEvidence().AllowDowngrade();

    private ReleasePolicy Set(Action change)
    {
        change();
        return this;
    }
}
