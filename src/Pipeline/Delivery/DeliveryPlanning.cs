using Pipeline.Planning;

namespace Pipeline.Delivery;

/// <summary>
/// Before a run: picks each promotion's candidate and, when there is one, marks the stages that would make a
/// new one (the publication to the promotion's QA environment and everything it depends on) as satisfied, so
/// Release never rebuilds what QA already checked. Under <c>--dry-run</c> every target that does not deploy
/// is left out, so nothing changes.
/// </summary>
internal static class DeliveryPlanning
{
    public static async Task<Dictionary<Target, string>> PrepareAsync(ExecutionPlan plan, DeliveryRun run, CancellationToken cancellationToken)
    {
        var reasons = new Dictionary<Target, string>();
        var planned = plan.Order.Select(p => p.Target).ToHashSet();
        var promotions = planned.Select(t => t.Delivery).OfType<Promotion>().ToList();
        if (promotions.Count == 0 && ReleaseOnlyOption(run.Request) is { } option)
        {
            throw new CommandLine.UsageException($"{option} is for a target that promotes a candidate (declared with Promotes, such as Release); none is in this run.");
        }

        foreach (var promotion in promotions)
        {
            if (await CandidateSelector.SelectAsync(run, promotion, cancellationToken).ConfigureAwait(false) is not { } candidate)
            {
                continue;
            }

            run.Selected[promotion] = candidate;
            var because = run.Request.RollbackTo is not null
                ? $"rollback to {candidate.Version} {Short(candidate.Digest)}"
                : $"satisfied by candidate {candidate.Version} {Short(candidate.Digest)}, which passed {promotion.From.Name}";
            foreach (var stage in Upstream(promotion, planned))
            {
                reasons.TryAdd(stage, because);
            }
        }

        if (run.Request.DryRun)
        {
            foreach (var target in planned.Where(t => t.Delivery is not Promotion))
            {
                reasons.TryAdd(target, "--dry-run");
            }
        }

        return reasons;
    }

    private static string? ReleaseOnlyOption(DeliveryRequest request) =>
        request.Approve ? "--approve"
        : request.DryRun ? "--dry-run"
        : request.Candidate is not null ? "--candidate"
        : request.RollbackTo is not null ? "--rollback-to"
        : null;

    /// <summary>The planned targets that publish to the promotion's source environment, and everything they depend on.</summary>
    private static HashSet<Target> Upstream(Promotion promotion, HashSet<Target> planned)
    {
        var stages = new HashSet<Target>();
        var pending = new Stack<Target>(planned.Where(t => t.Delivery is Publication p && p.Environment == promotion.From));
        while (pending.TryPop(out var stage))
        {
            if (planned.Contains(stage) && stages.Add(stage))
            {
                foreach (var dependency in stage.Dependencies)
                {
                    pending.Push(dependency);
                }
            }
        }

        return stages;
    }

    private static string Short(string digest) => digest.Length > 19 ? digest[..19] : digest;
}
