using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Rules;

/// <summary>
/// Separation of duties (<c>ApproverMustNotBeAuthor</c>): enough of the approvals that count come from people who
/// wrote none of the commits being released (since the environment's last release) and did not start this run on
/// a CI host. Identities are compared as people (<see cref="Identities.People"/>): a GitHub login is its no-reply address.
/// </summary>
internal sealed class SeparationOfDutiesRule : IReleaseRule
{
    public ReleaseRuleKind Kind => ReleaseRuleKind.ApproverNotAuthor;

    public bool Applies(ReleaseFacts facts) => facts.Policy.IndependentApproverRequired && facts.Mode == ReleaseMode.Delivery;

    public RuleVerdict Judge(ReleaseFacts facts)
    {
        if (facts.ReleasedCommits is not { } released)
        {
            return new(Kind, false, $"the authors of commit {facts.Candidate.Manifest.Commit ?? "(unknown)"} cannot be read from git");
        }

        var authors = string.Join(", ", released.Authors);
        var counting = ApprovalReview.Counting(facts);
        if (counting.Count == 0)
        {
            return new(Kind, false, $"no approval yet; it must come from someone other than {authors}, the authors of {released.Which}{Triggered(facts)}");
        }

        var conflicts = counting.Select(a => (a.Approval, Conflict: Conflict(a, released, facts))).ToList();
        var independent = conflicts.Where(c => c.Conflict is null).Select(c => c.Approval.Who).ToList();
        var needed = facts.Policy.RequiredApprovals;
        if (independent.Count >= needed)
        {
            return new(Kind, true, $"approved by {string.Join(", ", independent)}; the authors of {released.Which}: {authors}{Triggered(facts)}");
        }

        var refused = string.Join("; ", conflicts.Where(c => c.Conflict is not null).Select(c => c.Conflict));
        var count = needed == 1 ? string.Empty : $" ({independent.Count} independent of the {needed} needed)";
        return new(Kind, false, $"{refused}{count}; another person must run --approve");
    }

    private static string? Conflict(ReviewedApproval approval, Identities.ReleasedCommits released, ReleaseFacts facts)
    {
        var who = approval.Approval.Who;
        if (released.Authors.FirstOrDefault(author => facts.People.PersonOf(author) == approval.Person) is { } author)
        {
            var alias = string.Equals(author, who, StringComparison.OrdinalIgnoreCase) ? string.Empty : $" (as {author})";
            return $"{who} wrote {released.Which}{alias} and cannot approve it";
        }

        return facts.TriggeredBy.FirstOrDefault(trigger => facts.People.PersonOf(trigger.Identity) == approval.Person) is { } triggering
            ? $"{who} started this run ({triggering.Source}={triggering.Identity}) and cannot approve what it releases"
            : null;
    }

    private static string Triggered(ReleaseFacts facts) =>
        facts.TriggeredBy.Count == 0 ? string.Empty : $"; started by {string.Join(", ", facts.TriggeredBy.Select(t => $"{t.Identity} ({t.Source})"))}";
}
