using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Rules;

/// <summary>
/// The script is the ceiling: the command line or the environment may ask for a stricter release mode, never a
/// weaker one unless the script allows it. Judged only when a mode was asked for.
/// </summary>
internal sealed class ReleaseModeRule : IReleaseRule
{
    public ReleaseRuleKind Kind => ReleaseRuleKind.ReleaseMode;

    public bool Applies(ReleaseFacts facts) => facts.ModeChoice is { Requested: not null };

    public RuleVerdict Judge(ReleaseFacts facts)
    {
        var choice = facts.ModeChoice!;
        var requested = ModeChoice.Describe(choice.Requested!.Value);
        var script = ModeChoice.Describe(choice.Script);
        if (choice.Refused)
        {
            return new(Kind, false,
                $"{choice.Source} asks for {requested}, but the script requires {script} and does not allow it to be weakened; " +
                "approve the release with --approve, or let the script allow it with ReleasePolicy.AllowModeOverride()");
        }

        return choice.Weakens
            ? new(Kind, true, $"{requested} from {choice.Source}: the script's {script} allows it (AllowModeOverride)")
            : choice.Requested == choice.Script
                ? new(Kind, true, $"{requested} from {choice.Source}, as the script says")
                : new(Kind, true, $"{requested} from {choice.Source}: stricter than the script's {script}");
    }
}
