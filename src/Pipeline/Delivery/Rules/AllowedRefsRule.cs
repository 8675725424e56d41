using System.Text.RegularExpressions;
using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Rules;

/// <summary>
/// A release comes only from the refs the policy names, or, when it names none, from the default branch or a SemVer
/// tag. A pull request build never releases, a rollback included; rollbacks are exempt from the ref patterns only.
/// </summary>
internal sealed partial class AllowedRefsRule : IReleaseRule
{
    public ReleaseRuleKind Kind => ReleaseRuleKind.AllowedRef;

    public bool Applies(ReleaseFacts facts) =>
        !facts.IsQaDeployment && (facts.Identity.IsPullRequest || (!facts.IsRollback && (facts.Policy.AllowedRefs.Count > 0 || facts.DefaultBranch is not null)));

    public RuleVerdict Judge(ReleaseFacts facts)
    {
        var identity = facts.Identity;
        if (identity.IsPullRequest)
        {
            var number = identity.PullRequest!.Number;
            return facts.Policy.AllowedRefs.Count > 0
                ? new(Kind, false, $"pull request {number} is not one of {string.Join(", ", facts.Policy.AllowedRefs)}")
                : new(Kind, false, $"pull request {number} never releases; release from the branch it merges into once it is merged");
        }

        var current = identity.Ref ?? identity.Branch ?? "(no branch: detached HEAD)";
        return facts.Policy.AllowedRefs.Count > 0 ? JudgePatterns(facts, current) : JudgeDefault(facts, current);
    }

    private RuleVerdict JudgePatterns(ReleaseFacts facts, string current)
    {
        var identity = facts.Identity;
        var patterns = string.Join(", ", facts.Policy.AllowedRefs);
        var names = new[] { identity.Ref, identity.Branch, identity.Tag }.OfType<string>().ToList();
        var match = facts.Policy.AllowedRefs.FirstOrDefault(p => names.Any(n => Matches(p, n, identity.Ref == n)));
        return match is not null
            ? new(Kind, true, $"{current} matches {match}")
            : new(Kind, false, $"{current} is not one of {patterns}");
    }

    /// <summary>No <c>AllowRefs</c>: the default branch, or a tag that is a SemVer version (<c>v1.2.3</c>, <c>1.2.3</c>).</summary>
    private RuleVerdict JudgeDefault(ReleaseFacts facts, string current)
    {
        var identity = facts.Identity;
        var main = facts.DefaultBranch!;
        if (identity.Tag is { } tag)
        {
            return SemVerTag().IsMatch(tag)
                ? new(Kind, true, $"{current} is a SemVer tag")
                : new(Kind, false, $"{current} is not a SemVer tag (v1.2.3 or 1.2.3); name the refs that may release with ReleasePolicy.AllowRefs(...)");
        }

        return identity.Branch == main.Name
            ? new(Kind, true, $"{current} is the default branch ({main.Source})")
            : new(Kind, false, $"{current} is neither the default branch {main.Name} ({main.Source}) nor a SemVer tag; name the refs that may release with ReleasePolicy.AllowRefs(...)");
    }

    private static bool Matches(string pattern, string name, bool isFullRef)
    {
        if (pattern.StartsWith("refs/", StringComparison.Ordinal) != isFullRef)
        {
            return false;
        }

        return Regex.IsMatch(name, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.None, TimeSpan.FromSeconds(1));
    }

    // SemVer 2.0.0's version (no leading zeros), with an optional leading v.
    [GeneratedRegex(@"^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$", RegexOptions.None, 1000)]
    private static partial Regex SemVerTag();
}
