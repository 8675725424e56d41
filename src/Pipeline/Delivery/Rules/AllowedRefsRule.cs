using System.Text.RegularExpressions;
using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Rules;

/// <summary>Only from the branches and tags the policy names; never from a pull request build. Rollbacks are exempt.</summary>
internal sealed class AllowedRefsRule : IReleaseRule
{
    public ReleaseRuleKind Kind => ReleaseRuleKind.AllowedRef;

    public bool Applies(ReleaseFacts facts) => facts.Policy.AllowedRefs.Count > 0 && !facts.IsRollback;

    public RuleVerdict Judge(ReleaseFacts facts)
    {
        var identity = facts.Identity;
        var patterns = string.Join(", ", facts.Policy.AllowedRefs);
        if (identity.IsPullRequest)
        {
            return new(Kind, false, $"pull request {identity.PullRequest!.Number} is not one of {patterns}");
        }

        var names = new[] { identity.Ref, identity.Branch, identity.Tag }.OfType<string>().ToList();
        var match = facts.Policy.AllowedRefs.FirstOrDefault(p => names.Any(n => Matches(p, n, identity.Ref == n)));
        var current = identity.Ref ?? identity.Branch ?? "(no branch: detached HEAD)";
        return match is not null
            ? new(Kind, true, $"{current} matches {match}")
            : new(Kind, false, $"{current} is not one of {patterns}");
    }

    private static bool Matches(string pattern, string name, bool isFullRef)
    {
        if (pattern.StartsWith("refs/", StringComparison.Ordinal) != isFullRef)
        {
            return false;
        }

        return Regex.IsMatch(name, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.None, TimeSpan.FromSeconds(1));
    }
}
