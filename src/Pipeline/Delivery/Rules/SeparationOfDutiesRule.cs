using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Rules;

/// <summary>The approver is not the author of the release commit (asked for with ApproverMustNotBeAuthor).</summary>
internal sealed class SeparationOfDutiesRule : IReleaseRule
{
    public ReleaseRuleKind Kind => ReleaseRuleKind.ApproverNotAuthor;

    public bool Applies(ReleaseFacts facts) => facts.Policy.IndependentApproverRequired && facts.Mode == ReleaseMode.Delivery;

    public RuleVerdict Judge(ReleaseFacts facts)
    {
        if (facts.CommitAuthor is not { } author)
        {
            return new(Kind, false, $"the author of commit {facts.Candidate.Manifest.Commit ?? "(unknown)"} cannot be read from git");
        }

        var approvals = facts.Approvals.Where(a => a.Digest == facts.Candidate.Digest && ApprovalRule.IsValid(a, facts)).ToList();
        if (approvals.Count == 0)
        {
            return new(Kind, false, $"no approval yet; it must come from someone other than the author {author}");
        }

        var independent = approvals.FirstOrDefault(a => !string.Equals(a.Who, author, StringComparison.OrdinalIgnoreCase));
        return independent is not null
            ? new(Kind, true, $"approved by {independent.Who}; the commit's author is {author}")
            : new(Kind, false, $"{author} wrote the release commit and cannot approve it; another person must run --approve");
    }
}
