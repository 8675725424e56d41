using Pipeline.Delivery.Records;
using Pipeline.Execution;

namespace Pipeline.Delivery;

/// <summary>
/// <see cref="Target.PublishesTo"/>: verify the packaged candidate, keep it in the candidate store, deploy it,
/// run the environment's checks against the deployment, and record their verdict as evidence bound to the digest.
/// </summary>
internal sealed class Publication(Target target, DeliveryEnvironment environment, AbsolutePath candidateFolder, ReleasePolicy policy)
    : DeliveryStep(target, environment, policy)
{
    public AbsolutePath CandidateFolder { get; } = candidateFolder;

    protected override async Task ExecuteAsync(DeliveryRun run, CancellationToken cancellationToken)
    {
        var candidate = run.Store.Store(CandidateFolder, Environment.Name);
        var deployed = await DeploymentGate.PassAsync(run, this, candidate, Policy.Mode, "deployment", qa: null, cancellationToken).ConfigureAwait(false);
        if (run.Request.DryRun)
        {
            return;
        }

        var checks = new List<RuleVerdict>();
        foreach (var check in Environment.Checks)
        {
            Console.Out.WriteLine($"Check '{check.Name}' of {deployed.Version} in {Environment.Name}");
            try
            {
                await check.Run(deployed, cancellationToken).ConfigureAwait(false);
                checks.Add(new RuleVerdict(check.Name, true, "passed"));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                checks.Add(new RuleVerdict(check.Name, false, run.Failures.Of(exception)));
            }
        }

        var passed = checks.All(c => c.Passed);
        Environment.Ledger.Append(DeploymentGate.Record("qa", passed ? "passed" : "failed", run, Environment, candidate, DeploymentGate.Actor(run)) with
        {
            Checks = checks,
            Stages = Stages(run),
            Location = deployed.Location,
        });
        if (!passed)
        {
            throw new QaChecksFailedException(
                $"QA check{(checks.Count(c => !c.Passed) > 1 ? "s" : string.Empty)} failed in {Environment.Name} for {candidate.Version} {candidate.Digest}: " +
                string.Join("; ", checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
        }

        run.Passed(Environment, candidate);
        Console.Out.WriteLine($"{candidate.Version} {candidate.Digest} passed {Environment.Name}" +
            (checks.Count > 0 ? $" ({string.Join(", ", checks.Select(c => c.Name))})." : " (no checks declared)."));
    }

    /// <summary>How every target this one depends on (directly or not) ended in this run: the candidate's provenance.</summary>
    private Dictionary<string, string> Stages(DeliveryRun run)
    {
        var stages = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new Stack<Target>(Target.Dependencies);
        while (pending.TryPop(out var stage))
        {
            if (stages.ContainsKey(stage.Name))
            {
                continue;
            }

            stages[stage.Name] = run.ResultOf(stage) is { } result ? Describe(result) : "NotRun";
            foreach (var dependency in stage.Dependencies)
            {
                pending.Push(dependency);
            }
        }

        return stages;
    }

    private static string Describe(TargetResult result) => result.Outcome switch
    {
        TargetOutcome.Succeeded => "Succeeded",
        TargetOutcome.Skipped when result.Reason == "--skip" => "Skipped (--skip)",
        TargetOutcome.Skipped => $"Succeeded (skipped: {result.Reason})",
        TargetOutcome.Failed => "Failed (failure allowed)",
        _ => result.Outcome.ToString(),
    };
}
