using Pipeline.Delivery.Deployers;
using Pipeline.Delivery.Records;
using Pipeline.Delivery.Rules;
using Pipeline.Output;

namespace Pipeline.Delivery;

/// <summary>
/// The one way into an environment: under its lock, record an approval given now, judge every rule of the
/// policy, and either refuse (recorded, exit code 3) or deploy idempotently and record the deployment. With
/// <c>--dry-run</c> it judges and prints, and changes nothing.
/// </summary>
internal static class DeploymentGate
{
    /// <param name="kind">The ledger kind of a successful pass: <c>deployment</c>, <c>release</c> or <c>rollback</c>.</param>
    public static async Task<Deployment> PassAsync(
        DeliveryRun run, DeliveryStep step, Deployment candidate, ReleaseMode mode, string kind, DeliveryEnvironment? qa, CancellationToken cancellationToken)
    {
        var environment = step.Environment;
        var request = run.Request;
        var build = run.Build;
        var approver = Approver.Find(build.Host, run.Environment, build.Root);
        var approval = request.Approve && step is Promotion ? Record("approval", "recorded", run, environment, candidate, approver ?? Unknown) with { Comment = request.Comment } : null;
        if (approval is not null && approver is null)
        {
            throw new ReleaseRefusedException("--approve needs to know who approves: no CI user variable is set and git has no user.email (git config user.email you@example.com).");
        }

        if (request.DryRun)
        {
            return JudgeOnly(run, step, candidate, mode, kind, qa, approval);
        }

        using var exclusive = FileLock.Acquire(environment.LockPath, step.Policy.LockWait, $"{kind} of {candidate.Version} {candidate.Digest}", cancellationToken);
        var holder = exclusive is null ? FileLock.Holder(environment.LockPath) ?? "unknown" : null;
        var ledger = environment.Ledger;
        if (approval is not null)
        {
            ledger.Append(approval);
            Console.Out.WriteLine($"Approval of {candidate.Version} {candidate.Digest} by {approval.Who} recorded in {ledger.Path}.");
        }

        var facts = Facts(run, step, candidate, mode, qa, null, kind == "rollback", holder);
        var verdicts = ReleaseRules.Judge(facts);
        RuleReport.Print(environment, mode, candidate, verdicts, dryRun: false);
        var actor = approver ?? Unknown;
        if (verdicts.Any(v => !v.Passed))
        {
            ledger.Append(Record("refusal", "refused", run, environment, candidate, actor) with { Mode = Name(mode), Rules = verdicts, Comment = request.Comment });
            throw new ReleaseRefusedException(RuleReport.Refusal(step, verdicts, dryRun: false));
        }

        return await DeployAsync(run, step, candidate, mode, kind, verdicts, facts.History, actor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>--dry-run</c>: the verdicts as a real pass would judge them now, with nothing taken, written or deployed.</summary>
    private static Deployment JudgeOnly(DeliveryRun run, DeliveryStep step, Deployment candidate, ReleaseMode mode, string kind, DeliveryEnvironment? qa, LedgerRecord? approval)
    {
        var lockPath = step.Environment.LockPath;
        var holder = FileLock.IsFree(lockPath) ? null : FileLock.Holder(lockPath) ?? "unknown";
        var verdicts = ReleaseRules.Judge(Facts(run, step, candidate, mode, qa, approval, kind == "rollback", holder));
        RuleReport.Print(step.Environment, mode, candidate, verdicts, dryRun: true);
        return verdicts.All(v => v.Passed)
            ? candidate
            : throw new ReleaseRefusedException(RuleReport.Refusal(step, verdicts, dryRun: true));
    }

    /// <summary>Deploys unless the environment's last deployment was this digest already, then records what happened.</summary>
    private static async Task<Deployment> DeployAsync(
        DeliveryRun run,
        DeliveryStep step,
        Deployment candidate,
        ReleaseMode mode,
        string kind,
        IReadOnlyList<RuleVerdict> verdicts,
        IReadOnlyList<LedgerRecord> history,
        Approver actor,
        CancellationToken cancellationToken)
    {
        var environment = step.Environment;
        var request = run.Request;
        var alreadyThere = history.Where(r => r.Delivered).MaxBy(r => r.Time)?.Digest == candidate.Digest;
        var outcome = alreadyThere
            ? DeployOutcome.AlreadyPresent
            : await environment.Deployer.DeployAsync(candidate, environment.Kind, cancellationToken).ConfigureAwait(false);
        var deployed = candidate with { Location = environment.Deployer.Location(candidate) };
        environment.Ledger.Append(Record(kind, outcome == DeployOutcome.Published ? "published" : "already-present", run, environment, candidate, actor) with
        {
            Mode = Name(mode),
            Rules = verdicts,
            Comment = request.Comment,
            OverrideReason = OverriddenFreeze(verdicts, request),
            Location = deployed.Location,
        });
        Console.Out.WriteLine(outcome == DeployOutcome.Published
            ? $"{Verb(kind)} {candidate.Version} {candidate.Digest} to {environment.Name} ({environment.Deployer.Describe()})."
            : kind == "rollback"
                ? $"Rolled back to {candidate.Version} {candidate.Digest}: its bytes were still in {environment.Name} ({deployed.Location}), so nothing was copied again."
                : $"{candidate.Version} {candidate.Digest} is already in {environment.Name}: nothing published again.");
        return deployed;
    }

    /// <summary>The reason given with <c>--override-freeze</c>, when a freeze window was in fact overridden.</summary>
    private static string? OverriddenFreeze(IReadOnlyList<RuleVerdict> verdicts, DeliveryRequest request) =>
        verdicts.Any(v => v.Name == "freeze-window" && v.Detail.Contains("overridden", StringComparison.Ordinal)) ? request.FreezeOverrideReason : null;

    public static LedgerRecord Record(string kind, string outcome, DeliveryRun run, DeliveryEnvironment environment, Deployment candidate, Approver who) => new()
    {
        Kind = kind,
        Environment = environment.Name,
        Time = run.Now,
        Who = who.Identity,
        WhoSource = who.Source,
        Version = candidate.Version,
        Digest = candidate.Digest,
        Commit = candidate.Manifest.Commit,
        Host = run.Build.Identity.Host,
        RunUrl = run.Build.Identity.BuildUrl,
        Outcome = outcome,
    };

    public static Approver Actor(DeliveryRun run) => Approver.Find(run.Build.Host, run.Environment, run.Build.Root) ?? Unknown;

    private static readonly Approver Unknown = new("unknown", "nobody said: no CI user variable, no git user.email");

    private static ReleaseFacts Facts(
        DeliveryRun run, DeliveryStep step, Deployment candidate, ReleaseMode mode, DeliveryEnvironment? qa, LedgerRecord? approval, bool rollback, string? lockHolder)
    {
        var build = run.Build;
        var commit = candidate.Manifest.Commit;
        return new ReleaseFacts
        {
            Candidate = candidate,
            Environment = step.Environment,
            Policy = step.Policy,
            Mode = mode,
            IsRollback = rollback,
            IntegrityProblems = CandidateStore.Problems(candidate),
            History = step.Environment.Ledger.Read().Records,
            QaEnvironment = qa,
            QaHistory = qa?.Ledger.Read().Records ?? [],
            NewApproval = approval,
            CommitAuthor = commit is null ? null : GitOutput.Read(build.Root, "log", "-1", "--format=%ae", commit),
            Identity = build.Identity,
            WorkingTreeDirty = step.Policy.CleanWorkingTree && GitOutput.Read(build.Root, "status", "--porcelain") is not null,
            Now = run.Now,
            FreezeOverrideReason = run.Request.FreezeOverrideReason,
            LockHeldBy = lockHolder,
        };
    }

    private static string Name(ReleaseMode mode) => mode == ReleaseMode.Delivery ? "continuous-delivery" : "continuous-deployment";

    private static string Verb(string kind) => kind switch
    {
        "release" => "Released",
        "rollback" => "Rolled back to",
        _ => "Deployed",
    };
}
