using Pipeline.Delivery;
using Pipeline.Delivery.Records;

namespace Pipeline.Output;

/// <summary>How rule verdicts read: one line per rule, and under <c>--dry-run</c> what would have happened.</summary>
internal static class RuleReport
{
    public static void Print(TextWriter output, GatePass pass, IReadOnlyList<RuleVerdict> verdicts, bool dryRun)
    {
        var candidate = pass.Candidate;
        var environment = pass.Environment;
        var modeText = pass.Mode == ReleaseMode.Delivery ? "continuous delivery" : "continuous deployment";
        output.WriteLine($"{(dryRun ? "Dry run: " : string.Empty)}rules for {candidate.Version} {candidate.Digest} to {environment.Name} ({modeText}):");
        var width = verdicts.Max(v => v.Name.Length);
        foreach (var verdict in verdicts)
        {
            output.WriteLine($"  {(verdict.Passed ? "pass" : "FAIL")}  {verdict.Name.PadRight(width)}  {verdict.Detail}");
        }

        if (dryRun && verdicts.All(v => v.Passed))
        {
            output.WriteLine($"Dry run: {candidate.Version} would go to {environment.Name}; nothing was changed.");
        }
    }
}
