using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Rules;

/// <summary>Every rule in the order they are reported; each judges only when the policy asks for it.</summary>
internal static class ReleaseRules
{
    private static readonly IReleaseRule[] All =
    [
        new IntactRule(),
        new ReleaseModeRule(),
        new ApprovalRule(),
        new SeparationOfDutiesRule(),
        new AllowedRefsRule(),
        new CleanTreeRule(),
        new PassedQaRule(),
        new QaUnchangedRule(),
        new SoakRule(),
        new StableVersionRule(),
        new NoDowngradeRule(),
        new FreezeRule(),
        new OneAtATimeRule(),
    ];

    public static IReadOnlyList<RuleVerdict> Judge(ReleaseFacts facts) =>
        [.. All.Where(rule => rule.Applies(facts)).Select(rule => rule.Judge(facts))];
}
