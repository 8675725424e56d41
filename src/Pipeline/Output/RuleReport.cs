using Pipeline.Delivery;
using Pipeline.Delivery.Records;

namespace Pipeline.Output;

/// <summary>How rule verdicts read: one line per rule, and the refusal that names the failed ones and the way out.</summary>
internal static class RuleReport
{
    public static void Print(DeliveryEnvironment environment, ReleaseMode mode, Deployment candidate, IReadOnlyList<RuleVerdict> verdicts, bool dryRun)
    {
        var modeText = mode == ReleaseMode.Delivery ? "continuous delivery" : "continuous deployment";
        Console.Out.WriteLine($"{(dryRun ? "Dry run: " : string.Empty)}rules for {candidate.Version} {candidate.Digest} to {environment.Name} ({modeText}):");
        var width = verdicts.Max(v => v.Name.Length);
        foreach (var verdict in verdicts)
        {
            Console.Out.WriteLine($"  {(verdict.Passed ? "pass" : "FAIL")}  {verdict.Name.PadRight(width)}  {verdict.Detail}");
        }

        if (dryRun && verdicts.All(v => v.Passed))
        {
            Console.Out.WriteLine($"Dry run: {candidate.Version} would go to {environment.Name}; nothing was changed.");
        }
    }

    public static string Refusal(DeliveryStep step, IReadOnlyList<RuleVerdict> verdicts, bool dryRun)
    {
        var failed = verdicts.Where(v => !v.Passed).ToList();
        var message = $"{(dryRun ? "Dry run: it would be refused" : "Refused")}: {string.Join(", ", failed.Select(v => v.Name))} " +
            $"({(failed.Count > 1 ? "rules" : "rule")} of {step.Environment.Name}; the verdicts are above).";
        if (failed.Any(v => v.Name is "approval" or "approver-not-author"))
        {
            message += $" To approve: ./build.sh {step.Target.Name} --approve --comment \"why\"";
        }

        return message;
    }
}
