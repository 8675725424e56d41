using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Identities;

/// <summary>
/// The approvals the CI host itself collected: a GitHub job behind a protected environment waits until the
/// environment's required reviewers approve it, and the run's review history says who did. Those reviewers are
/// recorded as the approvers (how it was learnt: <see cref="Source"/>), judged like any <c>--approve</c> approval,
/// so whoever started the run is never taken for one. Read only on a host that keeps such a history, with the
/// job's token in <see cref="TokenVariable"/>, for a release that needs an approval.
/// </summary>
internal sealed record HostReview(string Url, string Environment, IReadOnlyList<EnvironmentReview> Reviews)
{
    /// <summary>The job's token (<c>${{ github.token }}</c>), a secret.</summary>
    public const string TokenVariable = "PIPELINE_GITHUB_TOKEN";

    /// <summary>The run's reviews, or null when the host keeps none, no token is given, or the release needs no approval.</summary>
    public static async Task<HostReview?> ReadAsync(DeliveryRun run, GatePass pass, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(pass);
        if (pass.Step is not Promotion || pass.Mode != ReleaseMode.Delivery
            || run.Build.Host.Descriptor.RunReviewsUrl is not { } template || run.Environment[TokenVariable] is not { } token)
        {
            return null;
        }

        // Masked already when the run started; again here, so no use of it depends on that.
        run.Secrets.Register(token);
        var url = template.Fill(run.Environment) ?? throw new ReleaseRefusedException(
            $"{TokenVariable} is set, but this run's reviews cannot be addressed: {template.Text} needs every one of its variables set (as GitHub Actions sets them).");
        return new HostReview(url, pass.Environment.Name, await GitHubReviewRequest.ReadAsync(url, token, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The reviewers who approved a deployment to this environment, each once.</summary>
    public IReadOnlyList<EnvironmentReview> Approving =>
        [.. Reviews.Where(r => r.Approves(Environment)).DistinctBy(r => r.Reviewer, StringComparer.OrdinalIgnoreCase)];

    /// <summary>How an approval from <paramref name="review"/> was learnt, as the ledger records it.</summary>
    public static string Source(EnvironmentReview review, string environment) =>
        $"host: GitHub environment '{review.NameOf(environment) ?? environment}' review";

    /// <summary>One approval record per approving reviewer, given at <paramref name="now"/> (when the host was asked).</summary>
    public IReadOnlyList<LedgerRecord> Approvals(RecordStamp stamp, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        return [.. Approving.Select(review => stamp.Record(LedgerRecordKind.Approval, LedgerOutcome.Recorded, now) with
        {
            Who = review.Reviewer,
            WhoSource = Source(review, Environment),
            Comment = review.Comment,
        })];
    }

    /// <summary>
    /// When a release is refused for want of an approval and no reviewer approved this run: what the host said,
    /// and how to make the job wait for one. Empty otherwise.
    /// </summary>
    public string WhenRefused(IEnumerable<RuleVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        if (Approving.Count > 0 || !verdicts.Any(v => !v.Passed && v.Rule is ReleaseRuleKind.Approval or ReleaseRuleKind.ApproverNotAuthor))
        {
            return string.Empty;
        }

        var ours = Reviews.Where(r => r.NameOf(Environment) is not null).ToList();
        var said = ours.Count == 0
            ? $"it lists no review of {Environment}"
            : string.Join("; ", ours.Select(r => $"{r.State} by {r.Reviewer}"));
        return $" The GitHub environment '{Environment}' has no approval from its reviewers for this run ({said}, GET {Url}). " +
            $"To have GitHub wait for one, add required reviewers to it: Settings > Environments > {Environment} > Required reviewers (and 'Prevent self-review').";
    }
}
