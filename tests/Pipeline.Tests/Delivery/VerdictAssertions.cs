using Pipeline.Delivery.Records;
using Pipeline.Delivery.Rules;

namespace Pipeline.Tests.Delivery;

/// <summary>One rule's verdict on a set of facts, and what the rule tests expect of it: passed or failed, with this detail.</summary>
internal static class VerdictAssertions
{
    public static RuleVerdict Verdict(ReleaseFacts facts, string rule) => ReleaseRules.Judge(facts).Single(v => v.Name == rule);

    public static void AssertPass(RuleVerdict verdict, string detail)
    {
        Assert.True(verdict.Passed, $"{verdict.Name} failed: {verdict.Detail}");
        Assert.Equal(detail, verdict.Detail);
    }

    public static void AssertFail(RuleVerdict verdict, string detail)
    {
        Assert.False(verdict.Passed, $"{verdict.Name} passed: {verdict.Detail}");
        Assert.Equal(detail, verdict.Detail);
    }
}
