using Pipeline.Delivery.Deployers;
using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Rules;

/// <summary>
/// QA still holds the bytes that passed it: read back from QA's deployer just now and compared with the candidate's
/// manifest, file by file. A deployer that cannot read back (a command, say) makes the rule not applicable, and says so.
/// </summary>
internal sealed class QaUnchangedRule : IReleaseRule
{
    public ReleaseRuleKind Kind => ReleaseRuleKind.QaUnchanged;

    public bool Applies(ReleaseFacts facts) => facts.QaReadBack is not null;

    public RuleVerdict Judge(ReleaseFacts facts)
    {
        var qa = facts.QaEnvironment?.Name ?? "QA";
        var check = facts.QaReadBack!;
        return check.Status switch
        {
            ReadBackStatus.NotSupported => new(Kind, true, $"not applicable: {check.Detail}, so what {qa} holds was not compared"),
            ReadBackStatus.Missing => new(Kind, false, $"{qa} no longer holds {facts.Candidate.Version}: {check.Detail}"),
            _ when check.Problems.Count > 0 => new(Kind, false, $"{qa} no longer holds what passed its checks: {string.Join("; ", check.Problems)}"),
            _ => new(Kind, true, $"{qa} still holds {facts.Candidate.Digest}: {check.Detail} match"),
        };
    }
}
