using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Rules;

/// <summary>One release rule: whether the policy asks for it, and its verdict on the facts.</summary>
internal interface IReleaseRule
{
    ReleaseRuleKind Kind { get; }

    bool Applies(ReleaseFacts facts);

    RuleVerdict Judge(ReleaseFacts facts);
}
